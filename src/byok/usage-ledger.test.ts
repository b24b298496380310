import { beforeEach, describe, expect, it } from 'vitest';
import { clearPlainData } from './vault/plain-data-store';
import { checkBudget, clearUsage, getUsageSummary, recordUsage, setMonthlyBudget } from './usage-ledger';

const NOW = Date.UTC(2026, 10, 26, 12); // 2026-11-26, noon UTC
const DAY = 86_400_000;

beforeEach(async () => {
  await clearPlainData();
});

describe('usage ledger', () => {
  it('aggregates per provider per UTC day, with month and all-time totals', async () => {
    await recordUsage({ provider: 'openai', model: 'gpt-4o', inputTokens: 1000, outputTokens: 500, cost: 0.0075, at: NOW });
    await recordUsage({ provider: 'openai', model: 'gpt-4o', inputTokens: 1000, outputTokens: 500, cost: 0.0075, at: NOW - 1000 });
    await recordUsage({ provider: 'openai', model: 'gpt-4o', inputTokens: 10, outputTokens: 20, cost: 0.1, at: Date.UTC(2026, 9, 31, 23, 59) });
    await recordUsage({ provider: 'anthropic', model: 'claude-haiku-4-5', inputTokens: 7, outputTokens: 7, cost: 1, at: NOW });
    const summary = await getUsageSummary('openai', NOW);
    expect(summary.monthTokens).toEqual({ input: 2000, output: 1000 });
    expect(summary.monthCost).toBe(0.015);
    expect(summary.totalTokens).toEqual({ input: 2010, output: 1020 });
    expect(summary.totalCost).toBe(0.115);
    expect(summary.perDay).toHaveLength(30);
    expect(summary.perDay.at(-1)).toEqual({ date: '2026-11-26', cost: 0.015 });
    expect(summary.perDay[0]?.date).toBe('2026-10-28');
    expect(summary.perDay.find((day) => day.date === '2026-10-31')?.cost).toBe(0.1);
    expect(summary).toMatchObject({ budget: null, remaining: null });
  });

  it('counts tokens of unpriced models without inventing a cost, and shrugs off bad numbers', async () => {
    await recordUsage({ provider: 'xai', model: 'grok-4.7', inputTokens: 100, outputTokens: 50, cost: null, at: NOW });
    await recordUsage({ provider: 'xai', model: 'grok-4.7', inputTokens: Number.NaN, outputTokens: -5, cost: Number.NaN, at: NOW });
    const summary = await getUsageSummary('xai', NOW);
    expect(summary.monthTokens).toEqual({ input: 100, output: 50 });
    expect(summary.monthCost).toBe(0);
  });

  it('splits days at UTC midnight', async () => {
    await recordUsage({ provider: 'mistral', model: 'devstral-latest', inputTokens: 1, outputTokens: 1, cost: 0.5, at: Date.UTC(2026, 10, 25, 23, 59, 59) });
    await recordUsage({ provider: 'mistral', model: 'devstral-latest', inputTokens: 1, outputTokens: 1, cost: 0.25, at: Date.UTC(2026, 10, 26, 0, 0, 0) });
    const perDay = (await getUsageSummary('mistral', NOW)).perDay.slice(-2);
    expect(perDay).toEqual([{ date: '2026-11-25', cost: 0.5 }, { date: '2026-11-26', cost: 0.25 }]);
  });

  it('keeps concurrent records (no lost update)', async () => {
    await Promise.all(Array.from({ length: 50 }, () => recordUsage({ provider: 'google', model: 'gemini-3.5-flash', inputTokens: 1, outputTokens: 2, cost: 0.001, at: NOW })));
    const summary = await getUsageSummary('google', NOW);
    expect(summary.monthTokens).toEqual({ input: 50, output: 100 });
    expect(summary.monthCost).toBe(0.05);
  });

  it('clearUsage forgets history but keeps the budget', async () => {
    await setMonthlyBudget('openai', 10);
    await recordUsage({ provider: 'openai', model: 'gpt-4o', inputTokens: 1, outputTokens: 1, cost: 1, at: NOW });
    await clearUsage('openai');
    expect(await getUsageSummary('openai', NOW)).toMatchObject({ totalCost: 0, budget: 10, remaining: 10 });
  });
});

describe('budgets', () => {
  it('always fits without a budget', async () => {
    expect(await checkBudget('openai', 1_000_000, NOW)).toEqual({ fits: true, budget: null, spent: 0, remaining: null, overBy: 0 });
  });

  it('checks this month\'s spend plus the planned cost against the cap', async () => {
    await setMonthlyBudget('openai', 1);
    await recordUsage({ provider: 'openai', model: 'gpt-4o', inputTokens: 0, outputTokens: 0, cost: 0.9, at: NOW - DAY });
    await recordUsage({ provider: 'openai', model: 'gpt-4o', inputTokens: 0, outputTokens: 0, cost: 5, at: Date.UTC(2026, 9, 15) });
    expect(await checkBudget('openai', 0.1, NOW)).toEqual({ fits: true, budget: 1, spent: 0.9, remaining: 0.1, overBy: 0 });
    expect(await checkBudget('openai', 0.35, NOW)).toEqual({ fits: false, budget: 1, spent: 0.9, remaining: 0.1, overBy: 0.25 });
    // A new month starts from zero.
    expect((await checkBudget('openai', 0.5, Date.UTC(2026, 11, 1))).fits).toBe(true);
    expect((await getUsageSummary('openai', NOW)).remaining).toBe(0.1);
  });

  it('removes a budget with null and refuses negative budgets', async () => {
    await setMonthlyBudget('anthropic', 3);
    await setMonthlyBudget('anthropic', null);
    expect((await checkBudget('anthropic', 100, NOW)).budget).toBeNull();
    await expect(setMonthlyBudget('anthropic', -1)).rejects.toThrow(RangeError);
  });
});

describe('budget states and per-model days', () => {
  it('warns from 80 %, then reports the amount over, and keeps sub-cent budgets', async () => {
    await setMonthlyBudget('openai', 0.005);
    expect((await getUsageSummary('openai', NOW)).budgetState).toBe('ok');
    await recordUsage({ provider: 'openai', model: 'gpt-4o', inputTokens: 1, outputTokens: 1, cost: 0.0041, at: NOW });
    expect((await getUsageSummary('openai', NOW)).budgetState).toBe('warning');
    await recordUsage({ provider: 'openai', model: 'gpt-4o-mini', inputTokens: 1, outputTokens: 1, cost: 0.002, estimated: true, at: NOW });
    const over = await getUsageSummary('openai', NOW);
    expect(over).toMatchObject({ budget: 0.005, budgetState: 'over', overBudgetBy: 0.0011, monthEstimatedRequests: 1, totalEstimatedRequests: 1 });
    await expect(setMonthlyBudget('openai', 0)).rejects.toThrow(RangeError);
  });

  it('counts an estimate from an earlier month in the all-time figures, not in this month', async () => {
    await recordUsage({ provider: 'mistral', model: 'mistral-large-latest', inputTokens: 5, outputTokens: 7, cost: 0.001, estimated: true, at: NOW - 40 * 86_400_000 });
    await recordUsage({ provider: 'mistral', model: 'mistral-large-latest', inputTokens: 2, outputTokens: 3, cost: 0.002, at: NOW });
    expect(await getUsageSummary('mistral', NOW)).toMatchObject({ monthEstimatedRequests: 0, totalEstimatedRequests: 1, totalCost: 0.003 });
  });

  it('tells listeners when usage or a budget changes', async () => {
    const { onUsageChanged } = await import('./usage-events');
    let calls = 0;
    const stop = onUsageChanged(() => { calls += 1; });
    await recordUsage({ provider: 'xai', model: 'grok-4.3', inputTokens: 1, outputTokens: 1, cost: 0.1, at: NOW });
    await setMonthlyBudget('xai', 2);
    stop();
    await setMonthlyBudget('xai', 3);
    expect(calls).toBe(2);
  });
});
