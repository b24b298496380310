import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

for (const [hash, heading] of [['#/vault', 'Key vault'], ['#/models', 'Models'], ['#/chat', 'Chat']] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${hash} has no axe violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(`/${hash}`);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations).toEqual([]);
    });
  }
}
