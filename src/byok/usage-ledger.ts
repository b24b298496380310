// Tokens and cost per provider key, per UTC day, and monthly budgets. Plain data, no secrets.
// History is kept when a key is removed or rotated: spend belongs to the provider account, and the
// vault screen's "this month" must not drop to zero because a key was replaced. clearUsage is explicit.
import { BYOK_PROVIDERS, type BYOKProvider } from './types';
import { notifyUsageChanged } from './usage-events';
import { deletePlainValue, readPlainValue, updatePlainValue, writePlainValue, writePlainValues } from './vault/plain-data-store';

export interface UsageEntry {
  provider: BYOKProvider;
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** USD, or null when the model has no known price (tokens are still counted). */
  cost: number | null;
  /** Cache reads inside inputTokens. */
  cachedInputTokens?: number;
  /** No provider usage arrived: the counts were estimated from the text. */
  estimated?: boolean;
  /** ms timestamp; defaults to now. */
  at?: number;
}

export interface ModelDayTotals {
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  cost: number;
  requests: number;
  estimatedRequests: number;
}

export interface DayTotals {
  inputTokens: number;
  outputTokens: number;
  cost: number;
  requests: number;
  unpricedRequests: number;
  /** Added with per-model spend; days recorded before it lack these. */
  estimatedRequests?: number;
  models?: Record<string, ModelDayTotals>;
}

export interface ProviderLedger {
  /** Keyed by UTC date, YYYY-MM-DD. */
  days: Record<string, DayTotals>;
}

/** 'warning' from 80 % of the budget; 'over' once this month's spend is past it. */
export type BudgetState = 'none' | 'ok' | 'warning' | 'over';

export const BUDGET_WARNING_SHARE = 0.8;

export interface UsageSummary {
  monthTokens: { input: number; output: number };
  monthCost: number;
  totalTokens: { input: number; output: number };
  totalCost: number;
  /** The last 30 UTC days, oldest first, today last; days without use have cost 0. */
  perDay: Array<{ date: string; cost: number }>;
  budget: number | null;
  remaining: number | null;
  budgetState: BudgetState;
  /** USD past the budget this month (0 when within it or without one). */
  overBudgetBy: number;
  /** Requests this month whose tokens were estimated (no provider usage arrived). */
  monthEstimatedRequests: number;
  /** The same over every day kept: the all-time figures include that many estimates. */
  totalEstimatedRequests: number;
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

function addModelTotals(previous: ModelDayTotals | undefined, entry: UsageEntry, cost: number): ModelDayTotals {
  const model = previous ?? { inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, cost: 0, requests: 0, estimatedRequests: 0 };
  return {
    inputTokens: model.inputTokens + toCount(entry.inputTokens),
    cachedInputTokens: model.cachedInputTokens + toCount(entry.cachedInputTokens ?? 0),
    outputTokens: model.outputTokens + toCount(entry.outputTokens),
    cost: roundUsd(model.cost + cost),
    requests: model.requests + 1,
    estimatedRequests: model.estimatedRequests + (entry.estimated ? 1 : 0),
  };
}

/** Adds one finished request to its provider's day. A usage report never throws on bad numbers. */
export async function recordUsage(entry: UsageEntry): Promise<void> {
  const date = formatUtcDate(entry.at ?? Date.now());
  const priced = typeof entry.cost === 'number' && Number.isFinite(entry.cost) && entry.cost >= 0;
  const cost = priced ? (entry.cost as number) : 0;
  await updatePlainValue<ProviderLedger>(usageKey(entry.provider), (previous) => {
    const ledger: ProviderLedger = previous ?? { days: {} };
    const day = ledger.days[date] ?? createEmptyDay();
    const models = { ...day.models };
    models[entry.model] = addModelTotals(models[entry.model], entry, cost);
    ledger.days[date] = {
      inputTokens: day.inputTokens + toCount(entry.inputTokens),
      outputTokens: day.outputTokens + toCount(entry.outputTokens),
      cost: roundUsd(day.cost + cost),
      requests: day.requests + 1,
      unpricedRequests: day.unpricedRequests + (priced ? 0 : 1),
      estimatedRequests: (day.estimatedRequests ?? 0) + (entry.estimated ? 1 : 0),
      models,
    };
    return ledger;
  });
  notifyUsageChanged();
}

export async function readLedger(provider: BYOKProvider): Promise<ProviderLedger> {
  return (await readPlainValue<ProviderLedger>(usageKey(provider))) ?? { days: {} };
}

async function readBudget(provider: BYOKProvider): Promise<number | null> {
  const budget = await readPlainValue<number>(budgetKey(provider));
  // The plain store is not authenticated: a negative, NaN or infinite budget reads as "no budget".
  return typeof budget === 'number' && Number.isFinite(budget) && budget >= 0 ? budget : null;
}

export function sumMonth(ledger: ProviderLedger, now: number): DayTotals {
  const month = formatUtcDate(now).slice(0, 7);
  const totals = createEmptyDay();
  for (const [date, day] of Object.entries(ledger.days)) {
    if (!date.startsWith(month)) continue;
    totals.inputTokens += day.inputTokens;
    totals.outputTokens += day.outputTokens;
    totals.cost = roundUsd(totals.cost + day.cost);
    totals.requests += day.requests;
    totals.estimatedRequests = (totals.estimatedRequests ?? 0) + (day.estimatedRequests ?? 0);
  }
  return totals;
}

/** Where this month's spend stands against a budget. */
export function describeBudget(budget: number | null, spent: number): { state: BudgetState; overBy: number } {
  if (budget === null) return { state: 'none', overBy: 0 };
  if (spent > budget) return { state: 'over', overBy: roundUsd(spent - budget) };
  return { state: spent >= budget * BUDGET_WARNING_SHARE ? 'warning' : 'ok', overBy: 0 };
}

export async function getUsageSummary(provider: BYOKProvider, now = Date.now()): Promise<UsageSummary> {
  const [ledger, budget] = await Promise.all([readLedger(provider), readBudget(provider)]);
  const month = sumMonth(ledger, now);
  const total = { input: 0, output: 0, cost: 0, estimatedRequests: 0 };
  for (const day of Object.values(ledger.days)) {
    total.input += day.inputTokens;
    total.output += day.outputTokens;
    total.cost = roundUsd(total.cost + day.cost);
    total.estimatedRequests += day.estimatedRequests ?? 0;
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
    budgetState: describeBudget(budget, month.cost).state,
    overBudgetBy: describeBudget(budget, month.cost).overBy,
    monthEstimatedRequests: month.estimatedRequests ?? 0,
    totalEstimatedRequests: total.estimatedRequests,
  };
}

/** A monthly cap in USD per provider key (calendar month, UTC), any positive amount; null removes it. */
export async function setMonthlyBudget(provider: BYOKProvider, usd: number | null): Promise<void> {
  if (usd === null) await deletePlainValue(budgetKey(provider));
  else if (!Number.isFinite(usd) || usd <= 0) throw new RangeError('A monthly budget must be a positive number of USD, such as 20 or 0.005.');
  else await writePlainValue(budgetKey(provider), usd);
  notifyUsageChanged();
}

/** Every budget that is set, for the encrypted backup. */
export async function readAllBudgets(): Promise<Partial<Record<BYOKProvider, number>>> {
  const entries = await Promise.all(BYOK_PROVIDERS.map(async (provider) => [provider, await readBudget(provider)] as const));
  return Object.fromEntries(entries.filter(([, budget]) => budget !== null));
}

/**
 * Replaces every budget with the given ones (a restored backup); providers left out have none.
 * One write: a failure (a full disk) leaves every budget as it was, never half of them replaced.
 */
export async function replaceAllBudgets(budgets: Partial<Record<BYOKProvider, number>>): Promise<void> {
  const put: Array<[string, number]> = [];
  const remove: string[] = [];
  for (const provider of BYOK_PROVIDERS) {
    const budget = budgets[provider];
    if (typeof budget === 'number' && Number.isFinite(budget) && budget > 0) put.push([budgetKey(provider), budget]);
    else remove.push(budgetKey(provider));
  }
  await writePlainValues({ put, delete: remove });
  notifyUsageChanged();
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
  notifyUsageChanged();
}
