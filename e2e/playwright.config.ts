import { defineConfig } from '@playwright/test';

/**
 * End-to-end journeys in Debian's Chromium (never a downloaded browser). The built server runs on a
 * fresh PGlite data directory with the demo data (e2e/start-server.mjs).
 */
const PORT = Number(process.env.E2E_PORT ?? 3917);
/**
 * A second server whose clock the expiry journey moves (TEST_CLOCK_CONTROL); nothing else uses it.
 * E2E_CLOCK_PORT moves it when PORT + 1 is taken (several checkouts testing on one machine).
 */
const CLOCK_PORT = Number(process.env.E2E_CLOCK_PORT ?? PORT + 1);
const CLOCK_SPECS = /(expiry|dormancy)\.spec\.ts$/;
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath, args },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } }, testIgnore: CLOCK_SPECS },
    { name: 'phone', use: { viewport: { width: 360, height: 740 } }, grep: /@phone/, testIgnore: CLOCK_SPECS },
    { name: 'clock', use: { viewport: { width: 1280, height: 800 }, baseURL: `http://127.0.0.1:${CLOCK_PORT}` }, testMatch: CLOCK_SPECS },
  ],
  webServer: [PORT, CLOCK_PORT].map((port) => ({
    command: `node e2e/start-server.mjs ${port}${port === CLOCK_PORT ? ' --clock' : ''}`,
    // Playwright starts the command in the config's folder; the script and dist/ are relative to the repository root.
    cwd: '..',
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
