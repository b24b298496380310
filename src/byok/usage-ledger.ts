// Tokens and cost per provider key, per UTC day, and monthly budgets. Plain data, no secrets.
// History is kept when a key is removed or rotated: spend belongs to the provider account, and the
// vault screen's "this month" must not drop to zero because a key was replaced. clearUsage is explicit.
import type { BYOKProvider } from './types';
import { readPlainValue, updatePlainValue, writePlainValue, deletePlainValue } from './vault/plain-data-store';

export interface UsageEntry {
  provider: BYOKProvider;
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** USD, or null when the model has no known price (tokens are still counted). */
  cost: number | null;
  /** ms timestamp; defaults to now. */
  at?: number;
}

interface DayTotals {
  inputTokens: number;
  outputTokens: number;
  cost: number;
  requests: number;
  unpricedRequests: number;
}

interface ProviderLedger {
  /** Keyed by UTC date, YYYY-MM-DD. */
  days: Record<string, DayTotals>;
}

export interface UsageSummary {
  monthTokens: { input: number; output: number };
  monthCost: number;
  totalTokens: { input: number; output: number };
  totalCost: number;
  /** The last 30 UTC days, oldest first, today last; days without use have cost 0. */
  perDay: Array<{ date: string; cost: number }>;
  budget: number | null;
  remaining: number | null;
}

export interface BudgetCheck {
  fits: boolean;
  budget: number | null;
  spent: number;
  remaining: number | null;
  overBy: number;
}

const DAY_MS = 86_400_000;

const usageKey = (provider: BYOKProvider): string => `usage:${provider}`;
const budgetKey = (provider: BYOKProvider): string => `budget:${provider}`;

/** Sums of many small float prices drift; ten decimals is far below anything displayed. */
function roundUsd(value: number): number {
  return Math.round(value * 1e10) / 1e10;
}

function toCount(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

export function formatUtcDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

function createEmptyDay(): DayTotals {
  return { inputTokens: 0, outputTokens: 0, cost: 0, requests: 0, unpricedRequests: 0 };
}

/** Adds one finished request to its provider's day. A usage report never throws on bad numbers. */
export async function recordUsage(entry: UsageEntry): Promise<void> {
  const date = formatUtcDate(entry.at ?? Date.now());
  const priced = typeof entry.cost === 'number' && Number.isFinite(entry.cost) && entry.cost >= 0;
  await updatePlainValue<ProviderLedger>(usageKey(entry.provider), (previous) => {
    const ledger: ProviderLedger = previous ?? { days: {} };
    const day = ledger.days[date] ?? createEmptyDay();
    ledger.days[date] = {
      inputTokens: day.inputTokens + toCount(entry.inputTokens),
      outputTokens: day.outputTokens + toCount(entry.outputTokens),
      cost: roundUsd(day.cost + (priced ? (entry.cost as number) : 0)),
      requests: day.requests + 1,
      unpricedRequests: day.unpricedRequests + (priced ? 0 : 1),
    };
    return ledger;
  });
}

async function readLedger(provider: BYOKProvider): Promise<ProviderLedger> {
  return (await readPlainValue<ProviderLedger>(usageKey(provider))) ?? { days: {} };
}

async function readBudget(provider: BYOKProvider): Promise<number | null> {
  const budget = await readPlainValue<number>(budgetKey(provider));
  // The plain store is not authenticated: a negative, NaN or infinite budget reads as "no budget".
  return typeof budget === 'number' && Number.isFinite(budget) && budget >= 0 ? budget : null;
}

function sumMonth(ledger: ProviderLedger, now: number): DayTotals {
  const month = formatUtcDate(now).slice(0, 7);
  const totals = createEmptyDay();
  for (const [date, day] of Object.entries(ledger.days)) {
    if (!date.startsWith(month)) continue;
    totals.inputTokens += day.inputTokens;
    totals.outputTokens += day.outputTokens;
    totals.cost = roundUsd(totals.cost + day.cost);
  }
  return totals;
}

export async function getUsageSummary(provider: BYOKProvider, now = Date.now()): Promise<UsageSummary> {
  const [ledger, budget] = await Promise.all([readLedger(provider), readBudget(provider)]);
  const month = sumMonth(ledger, now);
  const total = { input: 0, output: 0, cost: 0 };
  for (const day of Object.values(ledger.days)) {
    total.input += day.inputTokens;
    total.output += day.outputTokens;
    total.cost = roundUsd(total.cost + day.cost);
  }
  const perDay: Array<{ date: string; cost: number }> = [];
  for (let daysAgo = 29; daysAgo >= 0; daysAgo -= 1) {
    const date = formatUtcDate(now - daysAgo * DAY_MS);
    perDay.push({ date, cost: ledger.days[date]?.cost ?? 0 });
  }
  return {
    monthTokens: { input: month.inputTokens, output: month.outputTokens },
    monthCost: month.cost,
    totalTokens: { input: total.input, output: total.output },
    totalCost: total.cost,
    perDay,
    budget,
    remaining: budget === null ? null : roundUsd(Math.max(0, budget - month.cost)),
  };
}

/** A monthly cap in USD per provider key (calendar month, UTC); null removes it. */
export async function setMonthlyBudget(provider: BYOKProvider, usd: number | null): Promise<void> {
  if (usd === null) {
    await deletePlainValue(budgetKey(provider));
    return;
  }
  if (!Number.isFinite(usd) || usd < 0) throw new RangeError('A monthly budget must be a non-negative number of USD.');
  await writePlainValue(budgetKey(provider), usd);
}

/** Whether a send costing about `plannedCostUsd` stays within this month's budget (no budget: always fits). */
export async function checkBudget(provider: BYOKProvider, plannedCostUsd: number, now = Date.now()): Promise<BudgetCheck> {
  const [ledger, budget] = await Promise.all([readLedger(provider), readBudget(provider)]);
  const spent = sumMonth(ledger, now).cost;
  if (budget === null) return { fits: true, budget: null, spent, remaining: null, overBy: 0 };
  const planned = Number.isFinite(plannedCostUsd) && plannedCostUsd > 0 ? plannedCostUsd : 0;
  const overBy = roundUsd(Math.max(0, spent + planned - budget));
  return { fits: overBy === 0, budget, spent, remaining: roundUsd(Math.max(0, budget - spent)), overBy };
}

/** Forgets a provider's usage history; its budget stays. */
export async function clearUsage(provider: BYOKProvider): Promise<void> {
  await deletePlainValue(usageKey(provider));
}
