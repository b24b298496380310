// The Models screen (issue 6): the priced catalogue, its filters, sorting and search, picking the
// default model, offline behaviour, accessibility, and the providers' live lists merged in.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { PRICING_TABLE } from '../src/byok/pricing-table';
import { calculateCost, formatCost } from '../src/byok/provider-config';
import { BYOK_PROVIDERS, type ProviderModel } from '../src/byok/types';
import { expect, test } from './support/fixtures';
import { waitForServiceWorkerControl } from './support/service-worker';
import { addKey, createVault, keyCard, makeCanaryKey } from './support/vault-helpers';

/** The table in catalogue order (providers in BYOK_PROVIDERS order, models in table order). */
const TABLE_MODELS: ProviderModel[] = BYOK_PROVIDERS.flatMap((provider) => PRICING_TABLE[provider]);

/** The count line with retired models hidden (the default view). */
const ACTIVE_COUNT_TEXT = `${TABLE_MODELS.filter((model) => model.status === 'active').length} of ${TABLE_MODELS.length} models match`;

function catalogueRows(page: Page): Locator {
  return page.getByRole('list', { name: 'Models' }).locator(':scope > li');
}

function modelRow(page: Page, provider: string, modelId: string): Locator {
  return page.locator(`li[data-model="${provider}:${modelId}"]`);
}

/** Opens the screen with retired models shown too (they are hidden by default), so the whole table is there. */
async function openModels(page: Page, showRetired = true): Promise<void> {
  await page.goto('/#/models');
  await expect(page.getByRole('heading', { level: 1, name: 'Models' })).toBeVisible();
  await expect(catalogueRows(page).first()).toBeVisible();
  if (showRetired) await page.getByRole('checkbox', { name: 'Show retired' }).check();
}

async function readRowNames(page: Page, count: number): Promise<string[]> {
  return catalogueRows(page).locator('h3').evaluateAll((headings, limit) => headings.slice(0, limit).map((heading) => heading.textContent ?? ''), count);
}

/** What a stable sort of the table gives, retired models last: the first `count` names. */
function expectedOrder(compare: (first: ProviderModel, second: ProviderModel) => number, count: number): string[] {
  const retiredLast = (first: ProviderModel, second: ProviderModel) => Number(first.status === 'retired') - Number(second.status === 'retired');
  return [...TABLE_MODELS].sort((first, second) => retiredLast(first, second) || compare(first, second)).slice(0, count).map((model) => model.name);
}

test('retired models are hidden by default, shown with the toggle, and always sorted last', async ({ page }) => {
  await openModels(page, false);
  const active = TABLE_MODELS.filter((model) => model.status === 'active');
  await expect(catalogueRows(page)).toHaveCount(active.length);
  await expect(modelRow(page, 'openai', 'gpt-4-turbo')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Show retired' }).check();
  await expect(catalogueRows(page)).toHaveCount(TABLE_MODELS.length);
  await page.getByLabel('Sort by').selectOption({ label: 'Input price (lowest first)' });
  const names = await catalogueRows(page).locator('h3').allTextContents();
  const firstRetired = names.findIndex((name) => TABLE_MODELS.find((model) => model.name === name)?.status === 'retired');
  expect(firstRetired).toBe(active.length);
});

test('shows every model of the pricing table with prices, context, features and status', async ({ page }) => {
  await openModels(page);
  await expect(page.getByText(`${TABLE_MODELS.length} models`, { exact: true })).toBeVisible();

  const gpt4o = modelRow(page, 'openai', 'gpt-4o');
  await expect(gpt4o.getByRole('heading', { name: 'GPT-4o' })).toBeVisible();
  await expect(gpt4o).toContainText('OpenAI');
  await expect(gpt4o.locator('code')).toHaveText('gpt-4o');
  await expect(gpt4o).toContainText('128K');
  await expect(gpt4o).toContainText('16.4K');
  // Prices show per 1M tokens by default, as providers quote them.
  await expect(gpt4o).toContainText('Input per 1M tokens$2.50');
  await expect(gpt4o).toContainText('Output per 1M tokens$10.00');
  const features = gpt4o.getByRole('list', { name: 'Features' });
  await expect(features).toContainText('Streaming');
  await expect(features).toContainText('Function calling');
  await expect(features).toContainText('Vision');

  // A price above a prompt-size threshold is shown.
  await expect(modelRow(page, 'google', 'gemini-3.1-pro-preview')).toContainText('over 200K tokens: $4.00 in / $18.00 out');

  // The per 1K switch changes every price on the screen, and is remembered.
  await page.getByRole('radio', { name: 'per 1K tokens' }).check();
  await expect(gpt4o).toContainText('Input per 1K tokens$0.0025');
  await expect(gpt4o).toContainText('Output per 1K tokens$0.01');
  await expect(modelRow(page, 'google', 'gemini-3.1-pro-preview')).toContainText('over 200K tokens: $0.004 in / $0.018 out');
  await page.reload();
  await expect(page.getByRole('radio', { name: 'per 1K tokens' })).toBeChecked();
  await expect(modelRow(page, 'openai', 'gpt-4o')).toContainText('Input per 1K tokens$0.0025');
});

test('retired models are shown as retired with their date and cannot be picked', async ({ page }) => {
  await openModels(page);
  const turbo = modelRow(page, 'openai', 'gpt-4-turbo');
  await expect(turbo).toContainText('Retired 2026-10-23');
  await expect(turbo.getByRole('button', { name: 'Make default: GPT-4 Turbo (OpenAI)' })).toBeDisabled();
  await expect(modelRow(page, 'openai', 'gpt-4o').getByRole('button', { name: 'Make default: GPT-4o (OpenAI)' })).toBeEnabled();
});

test('filters by provider and by feature; "Has a key" explains why it is off while the vault is locked', async ({ page }) => {
  await openModels(page);
  await page.getByLabel('Provider').selectOption({ label: 'Anthropic' });
  await expect(catalogueRows(page)).toHaveCount(PRICING_TABLE.anthropic.length);
  await expect(catalogueRows(page).filter({ hasNotText: 'Anthropic ·' })).toHaveCount(0);

  await page.getByLabel('Provider').selectOption({ label: 'All providers' });
  await page.getByRole('checkbox', { name: 'Vision', exact: true }).check();
  const withVision = TABLE_MODELS.filter((model) => model.features.vision).length;
  await expect(catalogueRows(page)).toHaveCount(withVision);
  await expect(page.getByText(`${withVision} of ${TABLE_MODELS.length} models match`)).toBeVisible();

  await page.getByRole('checkbox', { name: 'Function calling', exact: true }).check();
  await expect(catalogueRows(page)).toHaveCount(TABLE_MODELS.filter((model) => model.features.vision && model.features.functionCalling).length);

  const hasKey = page.getByRole('checkbox', { name: 'Has a key' });
  await expect(hasKey).toBeDisabled();
  await expect(hasKey).toHaveAccessibleDescription('Unlock the vault to filter by the providers you have a key for.');
});

test('sorts by input price, output price and context window', async ({ page }) => {
  await openModels(page);
  const sort = page.getByLabel('Sort by');

  await sort.selectOption({ label: 'Input price (lowest first)' });
  await expect.poll(() => readRowNames(page, 5)).toEqual(expectedOrder((first, second) => first.inputCostPer1k - second.inputCostPer1k, 5));

  await sort.selectOption({ label: 'Output price (lowest first)' });
  await expect.poll(() => readRowNames(page, 5)).toEqual(expectedOrder((first, second) => first.outputCostPer1k - second.outputCostPer1k, 5));

  await sort.selectOption({ label: 'Context window (largest first)' });
  await expect.poll(() => readRowNames(page, 5)).toEqual(expectedOrder((first, second) => second.contextWindow - first.contextWindow, 5));
});

test('searches by name or API id', async ({ page }) => {
  await openModels(page);
  const search = page.getByRole('searchbox', { name: 'Search models' });

  await search.fill('4o mini');
  await expect(catalogueRows(page)).toHaveCount(1);
  await expect(catalogueRows(page).first().getByRole('heading')).toHaveText('GPT-4o Mini');

  await search.fill('open-mistral');
  await expect(catalogueRows(page)).toHaveCount(TABLE_MODELS.filter((model) => model.id.includes('open-mistral')).length);

  await search.fill('no such model anywhere');
  await expect(page.getByText('No model matches these filters.')).toBeVisible();
});

test('compares models side by side with the cost of a sample message', async ({ page }) => {
  await openModels(page);
  await page.getByRole('checkbox', { name: 'Compare GPT-4o (OpenAI)' }).check();
  await page.getByRole('checkbox', { name: 'Compare GPT-4o Mini (OpenAI)' }).check();
  const table = page.getByRole('table', { name: 'Prices, context and features of the compared models' });
  await expect(table.getByRole('columnheader')).toHaveCount(2);
  const sampleRow = table.getByRole('row', { name: /Sample message/ });
  // calculateCost('openai', 'gpt-4o', 1000, 500) is 0.0075 (product.md).
  await expect(sampleRow.getByRole('cell').first()).toHaveText('$0.0075');
  await expect(sampleRow.getByRole('cell').nth(1)).toHaveText(formatCost(calculateCost('openai', 'gpt-4o-mini', 1000, 500) ?? Number.NaN));

  await page.getByRole('checkbox', { name: 'Compare Claude Sonnet 4 (Anthropic)' }).check();
  await expect(table.getByRole('columnheader')).toHaveCount(3);
  // Three at most: the other boxes are off until one is removed.
  await expect(page.getByRole('checkbox', { name: 'Compare Mistral Large (Mistral)' })).toBeDisabled();
  await table.getByRole('button', { name: 'Remove GPT-4o from the comparison' }).click();
  await expect(table.getByRole('columnheader')).toHaveCount(2);
});

test('the picked default model is marked and survives a reload', async ({ page }) => {
  await openModels(page);
  await expect(page.getByText('No default model yet')).toBeVisible();
  await page.getByRole('button', { name: 'Make default: GPT-4o Mini (OpenAI)' }).click();
  await expect(page.getByTestId('default-model-name')).toHaveText('GPT-4o Mini');
  const row = modelRow(page, 'openai', 'gpt-4o-mini');
  await expect(row).toContainText('Default for new chats');
  await expect(row.getByRole('button', { name: /Make default/ })).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('default-model-name')).toHaveText('GPT-4o Mini');
  await expect(modelRow(page, 'openai', 'gpt-4o-mini')).toContainText('Default for new chats');
  await expect(modelRow(page, 'openai', 'gpt-4o')).not.toContainText('Default for new chats');
});

test('offline, the catalogue works from the pricing table and says the live lists could not be refreshed', async ({ page, context }) => {
  await page.goto('/#/models');
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  await expect(page.getByText('You are offline, so the providers’ live model lists could not be refreshed.')).toBeVisible();
  await expect(page.getByText(ACTIVE_COUNT_TEXT, { exact: true })).toBeVisible();

  // Reloaded offline, the screen comes from the service worker. (Chromium reports navigator.onLine
  // as true in a document loaded under network emulation, so the banner is checked above instead.)
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Models' })).toBeVisible();
  await expect(page.getByText(ACTIVE_COUNT_TEXT, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Make default: GPT-4o (OpenAI)' }).click();
  await expect(page.getByTestId('default-model-name')).toHaveText('GPT-4o');
  await context.setOffline(false);
});

for (const viewport of [{ width: 375, height: 812 }, { width: 1440, height: 900 }]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no axe violations at ${viewport.width} px (${colorScheme}), comparison open`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await openModels(page, false);
      await page.getByRole('button', { name: 'Make default: GPT-4o (OpenAI)' }).click();
      await page.getByRole('checkbox', { name: 'Compare GPT-4o (OpenAI)' }).check();
      await page.getByRole('checkbox', { name: 'Compare Gemini 3.1 Pro (preview) (Google Gemini)' }).check();
      await expect(page.getByRole('table')).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations).toEqual([]);
    });
  }
}

test('with a verified key, the provider’s own list is merged in: unknown models are "price unknown" and pickable', async ({ page, mock }) => {
  await createVault(page);
  await addKey(page, 'openai', makeCanaryKey('openai'), mock.baseUrlFor('openai'));
  await expect(keyCard(page, 'openai').getByText('Verified')).toBeVisible();

  // Through the navigation, not page.goto: a reload would lock the vault (its session is in memory).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Models' }).click();
  await expect(page.getByText('Merged the live model lists of OpenAI')).toBeVisible();

  const unpriced = modelRow(page, 'openai', 'gpt-mock-unpriced');
  await expect(unpriced).toContainText('Price unknown');
  await expect(unpriced).toContainText('Key in vault');
  // A table model the mock does not list is flagged; one it lists is not.
  await expect(modelRow(page, 'openai', 'gpt-5.5')).toContainText('Not listed by provider');
  await expect(modelRow(page, 'openai', 'gpt-4o')).not.toContainText('Not listed by provider');

  await page.getByRole('checkbox', { name: 'Has a key' }).check();
  await expect(catalogueRows(page).filter({ hasNotText: 'OpenAI ·' })).toHaveCount(0);

  await unpriced.getByRole('button', { name: 'Make default: gpt-mock-unpriced (OpenAI)' }).click();
  await expect(page.getByTestId('default-model-name')).toHaveText('gpt-mock-unpriced');

  const listRequests = () => mock.requests.filter((request) => request.provider === 'openai' && request.path.endsWith('/models')).length;
  const before = listRequests();
  await page.getByRole('button', { name: 'Refresh the providers’ model lists' }).click();
  await expect.poll(listRequests).toBeGreaterThan(before);

  await page.context().setOffline(true);
  await expect(page.getByText('You are offline, so the providers’ live model lists could not be refreshed.')).toBeVisible();
  await expect(page.getByText(/with the lists of OpenAI fetched at/)).toBeVisible();
  await expect(unpriced).toBeVisible();
  await page.context().setOffline(false);
});
