import fs from 'node:fs';
import type { PublicNetwork } from '../contracts/portal';
import { expectAccessible } from './support/a11y';
import { expect, test } from './support/fixtures';

/**
 * The network map on /peta (issue 6 item 3). The main e2e server has the prepared boundaries
 * (GEO_DATA_DIR, e2e/start-server.mjs): MapLibre draws them in headless Chromium through
 * SwiftShader. The clock server has none, so there the same page falls back to the SVG diagram.
 */
const SHOTS = '/tmp/shots-map';
const clockBase = `http://127.0.0.1:${Number(process.env.E2E_CLOCK_PORT ?? Number(process.env.E2E_PORT ?? 3917) + 1)}`;

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

test('the network map draws boundaries, links between interior points and nodes, and filters by kind', async ({ page }) => {
  const geo = (await (await page.request.get('/api/public/geo')).json()) as { available: boolean };
  test.skip(!geo.available, 'boundary files not found (../shared/geo, /work/shared/geo or SHARED_GEO_DIR)');
  const network = (await (await page.request.get('/api/public/network')).json()) as PublicNetwork;
  expect(network.links.length, 'the demo publishes cooperations between pemda').toBeGreaterThan(0);
  expect(network.nodes.every((n) => n.lon !== undefined && n.lat !== undefined), 'nodes are placed on the boundaries').toBe(true);

  await page.goto('/peta');
  const map = page.locator('#network-map');
  await expect(map).toHaveAttribute('data-renderer', 'map', { timeout: 30_000 });
  await expect(map.locator('canvas.maplibregl-canvas')).toBeVisible();
  await expect(map).toHaveAttribute('data-rendered-links', String(network.links.length), { timeout: 30_000 });
  await expect(map).toHaveAttribute('data-rendered-nodes', String(network.nodes.length));
  await expect(map.locator('.maplibregl-ctrl-attrib')).toContainText('cahyadsn/wilayah_boundaries');
  await expect(map).toHaveAttribute('aria-label', /.+/);
  // The accessible version stays on the page.
  await expect(page.locator('#network-table')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/map-1280.png`, fullPage: true });
  await expectAccessible(page);

  const kinds = [...new Set(network.links.flatMap((l) => Object.keys(l.kinds)))];
  const onlyOne = (await (await page.request.get(`/api/public/network?kind=${kinds[0]}`)).json()) as PublicNetwork;
  await map.locator('select[name="kind"]').selectOption(kinds[0]!);
  await expect(map).toHaveAttribute('data-rendered-links', String(onlyOne.links.length));
  await map.locator('select[name="colourBy"]').selectOption('urusan');
  await expect(map.locator('.network-legend li').first()).toContainText(/\d/);
});

test('without boundaries on the server, the page draws the network as a diagram', async ({ page }) => {
  const geo = (await (await page.request.get(`${clockBase}/api/public/geo`)).json()) as { available: boolean };
  expect(geo.available).toBe(false);
  await page.goto(`${clockBase}/peta`);
  const map = page.locator('#network-map');
  await expect(map).toHaveAttribute('data-renderer', 'schematic');
  const links = Number(await map.getAttribute('data-rendered-links'));
  expect(links).toBeGreaterThan(0);
  await expect(map.locator('svg.network-schematic line')).toHaveCount(links);
  await expect(map.locator('svg.network-schematic circle')).toHaveCount(Number(await map.getAttribute('data-rendered-nodes')));
  await page.screenshot({ path: `${SHOTS}/schematic-1280.png`, fullPage: true });
  await expectAccessible(page);
});
