// The spend view's figures, from the usage ledgers of every provider. Pure: no storage, no React.
// "This month" is the UTC calendar month; "last 30 days" is the 30 UTC days ending today.
import { BYOK_PROVIDERS, type BYOKProvider } from './types';
import { formatUtcDate, type DayTotals, type ProviderLedger } from './usage-ledger';

export type Ledgers = Partial<Record<BYOKProvider, ProviderLedger>>;

/** Days recorded before per-model spend have no model breakdown; their spend is shown under this name. */
export const UNKNOWN_MODEL = '(model not recorded)';

export interface ModelSpend {
  model: string;
  cost: number;
  inputTokens: number;
  outputTokens: number;
  requests: number;
  estimatedRequests: number;
}

export interface ProviderSpend extends Omit<ModelSpend, 'model'> {
  provider: BYOKProvider;
  /** Most expensive first. */
  models: ModelSpend[];
}

export interface SpendPeriod {
  cost: number;
  inputTokens: number;
  outputTokens: number;
  requests: number;
  estimatedRequests: number;
  /** Only providers with at least one request in the period, most expensive first. */
  providers: ProviderSpend[];
}

export interface DailySpend {
  date: string;
  total: number;
  byProvider: Partial<Record<BYOKProvider, number>>;
}

export interface SpendReport {
  month: SpendPeriod;
  last30Days: SpendPeriod;
  /** 30 UTC days, oldest first, today last; days without use cost 0. */
  daily: DailySpend[];
  /** The highest single provider-day in `daily`: the one scale every chart shares. */
  highestProviderDay: number;
}

const DAY_MS = 86_400_000;
const roundUsd = (value: number): number => Math.round(value * 1e10) / 1e10;

function emptyModel(model: string): ModelSpend {
  return { model, cost: 0, inputTokens: 0, outputTokens: 0, requests: 0, estimatedRequests: 0 };
}

function addInto(target: Omit<ModelSpend, 'model'>, source: Omit<ModelSpend, 'model'>): void {
  target.cost = roundUsd(target.cost + source.cost);
  target.inputTokens += source.inputTokens;
  target.outputTokens += source.outputTokens;
  target.requests += source.requests;
  target.estimatedRequests += source.estimatedRequests;
}

/** A day's per-model figures; a day from before per-model spend becomes one UNKNOWN_MODEL line. */
function modelsOfDay(day: DayTotals): ModelSpend[] {
  if (day.models && Object.keys(day.models).length > 0) {
    return Object.entries(day.models).map(([model, totals]) => ({ model, cost: totals.cost, inputTokens: totals.inputTokens, outputTokens: totals.outputTokens, requests: totals.requests, estimatedRequests: totals.estimatedRequests }));
  }
  return [{ model: UNKNOWN_MODEL, cost: day.cost, inputTokens: day.inputTokens, outputTokens: day.outputTokens, requests: day.requests, estimatedRequests: day.estimatedRequests ?? 0 }];
}

function sumPeriod(ledgers: Ledgers, includes: (date: string) => boolean): SpendPeriod {
  const period: SpendPeriod = { cost: 0, inputTokens: 0, outputTokens: 0, requests: 0, estimatedRequests: 0, providers: [] };
  for (const provider of BYOK_PROVIDERS) {
    const byModel = new Map<string, ModelSpend>();
    for (const [date, day] of Object.entries(ledgers[provider]?.days ?? {})) {
      if (!includes(date)) continue;
      for (const line of modelsOfDay(day)) {
        const model = byModel.get(line.model) ?? emptyModel(line.model);
        addInto(model, line);
        byModel.set(line.model, model);
      }
    }
    if (byModel.size === 0) continue;
    const spend: ProviderSpend = { provider, cost: 0, inputTokens: 0, outputTokens: 0, requests: 0, estimatedRequests: 0, models: [...byModel.values()].sort((a, b) => b.cost - a.cost) };
    for (const model of spend.models) addInto(spend, model);
    addInto(period, spend);
    period.providers.push(spend);
  }
  period.providers.sort((a, b) => b.cost - a.cost);
  return period;
}

export function buildSpendReport(ledgers: Ledgers, now = Date.now()): SpendReport {
  const month = formatUtcDate(now).slice(0, 7);
  const dates = Array.from({ length: 30 }, (_, index) => formatUtcDate(now - (29 - index) * DAY_MS));
  const window = new Set(dates);
  let highestProviderDay = 0;
  const daily = dates.map((date) => {
    const byProvider: Partial<Record<BYOKProvider, number>> = {};
    let total = 0;
    for (const provider of BYOK_PROVIDERS) {
      const cost = ledgers[provider]?.days[date]?.cost ?? 0;
      if (cost > 0) byProvider[provider] = cost;
      total = roundUsd(total + cost);
      highestProviderDay = Math.max(highestProviderDay, cost);
    }
    return { date, total, byProvider };
  });
  return {
    month: sumPeriod(ledgers, (date) => date.startsWith(month)),
    last30Days: sumPeriod(ledgers, (date) => window.has(date)),
    daily,
    highestProviderDay,
  };
}

export const CSV_HEADER = ['date', 'provider', 'model', 'requests', 'estimated_requests', 'input_tokens', 'cached_input_tokens', 'output_tokens', 'cost_usd'] as const;

/** One row per provider, UTC day and model, oldest first; the header row comes first. */
export function ledgerCsvRows(ledgers: Ledgers): string[][] {
  const rows: string[][] = [];
  for (const provider of BYOK_PROVIDERS) {
    for (const [date, day] of Object.entries(ledgers[provider]?.days ?? {})) {
      for (const line of modelsOfDay(day)) {
        const cached = day.models?.[line.model]?.cachedInputTokens ?? 0;
        rows.push([date, provider, line.model, String(line.requests), String(line.estimatedRequests), String(line.inputTokens), String(cached), String(line.outputTokens), String(line.cost)]);
      }
    }
  }
  const order = (row: string[]) => row.slice(0, 3).join('\n');
  rows.sort((a, b) => order(a).localeCompare(order(b)));
  return [[...CSV_HEADER], ...rows];
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF line ends. */
export function toCsv(rows: string[][]): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
