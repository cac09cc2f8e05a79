import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, PLATFORM_ADMIN, type DemoAccount } from './accounts';
import { signIn, type ApiSession } from './api';
import { enrolAdmins, signInAdmin, type AdminSecrets } from './admins';

/** Collects Content-Security-Policy violations that Chromium reports on the console of any page of a context. */
export const watchCsp = (context: BrowserContext) => {
  const violations: string[] = [];
  context.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) violations.push(`${message.location().url}: ${message.text()}`);
  });
  context.on('weberror', (error) => {
    if (error.error().message.includes('Content Security Policy')) violations.push(error.error().message);
  });

  return violations;
};

type TestFixtures = { cspViolations: string[] };
type WorkerFixtures = { adminSecrets: AdminSecrets; platformApi: ApiSession };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // Every journey fails when its browser reported a CSP violation.
  cspViolations: [
    async ({ context }, use) => {
      const violations = watchCsp(context);
      await use(violations);
      expect(violations, 'Content Security Policy violations in the browser console').toEqual([]);
    },
    { auto: true },
  ],
  adminSecrets: [
    async ({ playwright }, use, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      await use(await enrolAdmins(request));
      await request.dispose();
    },
    { scope: 'worker' },
  ],
  platformApi: [
    async ({ playwright, adminSecrets }, use, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      await use(await signInAdmin(request, PLATFORM_ADMIN.email, adminSecrets.platform));
      await request.dispose();
    },
    { scope: 'worker' },
  ],
});

export { expect };

/** Signs the browser context in through the API (fast) and opens the home page. */
export const openHomeAs = async (page: Page, account: Pick<DemoAccount, 'email'>, password = DEMO_PASSWORD) => {
  await signIn(page.context().request, account.email, password);
  await page.goto('/app/');
};
