import { DEMO_PASSWORD } from './support/accounts';
import { get, signIn } from './support/api';
import { test } from './support/fixtures';

test('screenshots of the updates panel and queue @phone', async ({ page }, info) => {
  const api = await signIn(page.context().request, 'sekretariat.hss@jejaring.test', DEMO_PASSWORD);
  const queue = await get<{ items: { cooperation: { id: string } }[] }>(api, '/api/progress-updates?status=APPROVED');
  const coop = queue.items[0]!.cooperation.id;
  const w = info.project.name;
  await page.goto('/app/pembaruan-kemajuan');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/x/shots/queue-${w}.png`, fullPage: true });
  await page.goto(`/app/kerja-sama/${coop}`);
  const panel = page.getByRole('region', { name: 'Pembaruan kemajuan' });
  await panel.scrollIntoViewIfNeeded();
  await page.waitForTimeout(800);
  for (const d of await panel.locator('details').all()) await d.evaluate((el) => el.setAttribute('open', ''));
  await panel.screenshot({ path: `/tmp/x/shots/panel-${w}.png` });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  console.log(`${w} scrollWidth ${width}`);
});
