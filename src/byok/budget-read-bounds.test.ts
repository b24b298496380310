// Budgets live in the plain (unauthenticated) data store, so they are checked on read: a value no
// one could have set through setMonthlyBudget reads as "no budget" rather than as a huge limit or NaN.
import { beforeEach, describe, expect, it } from 'vitest';
import { checkBudget, getUsageSummary, setMonthlyBudget } from './usage-ledger';
import { clearPlainData, writePlainValue } from './vault/plain-data-store';

beforeEach(async () => {
  await clearPlainData();
});

describe('budgets are validated on read', () => {
  it.each([Number.NaN, -1, Infinity, '5', { usd: 5 }])('reads a stored budget of %s as none', async (value) => {
    await writePlainValue('budget:openai', value);
    expect((await getUsageSummary('openai')).budget).toBeNull();
    expect(await checkBudget('openai', 1)).toMatchObject({ fits: true, budget: null });
  });

  it('keeps a valid budget', async () => {
    await setMonthlyBudget('openai', 5);
    expect((await getUsageSummary('openai')).budget).toBe(5);
    expect(await checkBudget('openai', 6)).toMatchObject({ fits: false, budget: 5 });
  });
});
