// The vault screen in two tabs of the same browser shows the same keys: what one tab adds or
// removes appears in the other without a reload.
import { expect, test } from './support/fixtures';
import { addKey, createVault, keyCard, makeCanaryKey, unlockVault } from './support/vault-helpers';

test('a key added or removed in one tab shows in the other tab’s vault at once', async ({ page, context }) => {
  await createVault(page);
  await addKey(page, 'openai', makeCanaryKey('openai'));
  const second = await context.newPage();
  await second.goto('/#/vault');
  await unlockVault(second);
  await expect(keyCard(second, 'openai')).toBeVisible();

  await addKey(page, 'mistral', makeCanaryKey('mistral'));
  await expect(keyCard(second, 'mistral')).toBeVisible();

  await keyCard(page, 'openai').getByRole('button', { name: 'Remove' }).click();
  await keyCard(page, 'openai').getByRole('button', { name: 'Remove OpenAI key' }).click();
  await expect(keyCard(page, 'openai')).toHaveCount(0);
  await expect(keyCard(second, 'openai')).toHaveCount(0);
  await expect(keyCard(second, 'mistral')).toBeVisible();
});
