import { expectAccessible } from './support/a11y';
import { NON_ADMIN_ACCOUNTS, navigationOf } from './support/accounts';
import { expect, openHomeAs, test } from './support/fixtures';
import { expectHome, expectNavigation } from './support/ui';

// The home page is the same page for everyone; what changes its markup is the menu. One axe check
// per distinct menu keeps the loop within the time budget.
const menuKey = (role: string) => navigationOf(role).join('|');
const firstWithMenu = new Set(NON_ADMIN_ACCOUNTS.filter((a, i) => NON_ADMIN_ACCOUNTS.findIndex((b) => menuKey(b.role) === menuKey(a.role)) === i).map((a) => a.email));

test.describe('every non-admin demo account', () => {
  for (const account of NON_ADMIN_ACCOUNTS) {
    test(`${account.email} (${account.role}) lands on the home page with the role listed and the menu of that role`, async ({ page }) => {
      await openHomeAs(page, account);
      await expect(page).toHaveURL(/\/app\/$/);
      await expectHome(page, account);
      await expectNavigation(page, navigationOf(account.role));
      if (firstWithMenu.has(account.email)) await expectAccessible(page);
    });
  }
});
