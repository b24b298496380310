import { describe, expect, it } from 'vitest';
import type { ProviderLedger } from './usage-ledger';
import { buildSpendReport, ledgerCsvRows, toCsv, UNKNOWN_MODEL, type Ledgers } from './usage-report';

const NOW = Date.UTC(2026, 10, 20, 12); // 2026-11-20

function model(cost: number, requests = 1, estimatedRequests = 0) {
  return { inputTokens: 100 * requests, cachedInputTokens: 10 * requests, outputTokens: 50 * requests, cost, requests, estimatedRequests };
}

const openai: ProviderLedger = {
  days: {
    '2026-11-20': { inputTokens: 300, outputTokens: 150, cost: 0.5, requests: 3, unpricedRequests: 0, estimatedRequests: 1, models: { 'gpt-4o': model(0.4, 2, 1), 'gpt-4o-mini': model(0.1) } },
    '2026-10-25': { inputTokens: 100, outputTokens: 50, cost: 2, requests: 1, unpricedRequests: 0, models: { 'gpt-4o': model(2) } },
    '2026-09-01': { inputTokens: 100, outputTokens: 50, cost: 9, requests: 1, unpricedRequests: 0, models: { 'gpt-4o': model(9) } },
  },
};
const anthropic: ProviderLedger = {
  days: {
    // Recorded before per-model spend: no `models`.
    '2026-11-02': { inputTokens: 1000, outputTokens: 400, cost: 1.25, requests: 4, unpricedRequests: 0 },
  },
};
const ledgers: Ledgers = { openai, anthropic };

describe('buildSpendReport', () => {
  const report = buildSpendReport(ledgers, NOW);

  it('totals this month across providers, per provider and per model', () => {
    expect(report.month.cost).toBe(1.75);
    expect(report.month.requests).toBe(7);
    expect(report.month.inputTokens).toBe(1300);
    expect(report.month.estimatedRequests).toBe(1);
    expect(report.month.providers.map((p) => [p.provider, p.cost])).toEqual([['anthropic', 1.25], ['openai', 0.5]]);
    const openaiMonth = report.month.providers.find((p) => p.provider === 'openai');
    expect(openaiMonth?.models.map((m) => [m.model, m.cost, m.requests])).toEqual([['gpt-4o', 0.4, 2], ['gpt-4o-mini', 0.1, 1]]);
    expect(report.month.providers.find((p) => p.provider === 'anthropic')?.models[0]?.model).toBe(UNKNOWN_MODEL);
  });

  it('the last 30 days reach into the previous month but not further', () => {
    expect(report.last30Days.cost).toBe(3.75);
    expect(report.last30Days.providers.find((p) => p.provider === 'openai')?.models[0]).toMatchObject({ model: 'gpt-4o', cost: 2.4, requests: 3 });
  });

  it('gives 30 days oldest first, with one scale: the highest provider-day', () => {
    expect(report.daily).toHaveLength(30);
    expect(report.daily[0]?.date).toBe('2026-10-22');
    expect(report.daily[29]).toEqual({ date: '2026-11-20', total: 0.5, byProvider: { openai: 0.5 } });
    expect(report.daily.find((d) => d.date === '2026-11-02')?.byProvider).toEqual({ anthropic: 1.25 });
    expect(report.highestProviderDay).toBe(2);
  });

  it('an empty ledger is all zeros', () => {
    const empty = buildSpendReport({}, NOW);
    expect(empty.month).toEqual({ cost: 0, inputTokens: 0, outputTokens: 0, requests: 0, estimatedRequests: 0, providers: [] });
    expect(empty.highestProviderDay).toBe(0);
    expect(empty.daily.every((d) => d.total === 0)).toBe(true);
  });
});

describe('ledger CSV', () => {
  it('has a header and one row per provider, day and model, oldest first', () => {
    const rows = ledgerCsvRows(ledgers);
    expect(rows[0]).toEqual(['date', 'provider', 'model', 'requests', 'estimated_requests', 'input_tokens', 'cached_input_tokens', 'output_tokens', 'cost_usd']);
    expect(rows.slice(1).map((r) => `${r[0]} ${r[1]} ${r[2]} ${r[8]}`)).toEqual([
      '2026-09-01 openai gpt-4o 9',
      '2026-10-25 openai gpt-4o 2',
      `2026-11-02 anthropic ${UNKNOWN_MODEL} 1.25`,
      '2026-11-20 openai gpt-4o 0.4',
      '2026-11-20 openai gpt-4o-mini 0.1',
    ]);
    expect(rows[4]).toEqual(['2026-11-20', 'openai', 'gpt-4o', '2', '1', '200', '20', '100', '0.4']);
  });

  it('quotes fields with commas and quotes, and ends lines with CRLF', () => {
    expect(toCsv([['a', 'b,c'], ['say "hi"', 'x']])).toBe('a,"b,c"\r\n"say ""hi""",x\r\n');
  });
});
