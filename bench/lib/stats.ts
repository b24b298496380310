// Summaries of repeated measurements. Medians, because a shared 2-core machine throws the odd
// outlier and one slow run must not move the headline figure.

export interface Summary {
  runs: number[];
  median: number;
  min: number;
  max: number;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function summarise(runs: number[]): Summary {
  const finite = runs.filter((value) => Number.isFinite(value));
  const round = (value: number): number => Math.round(value * 100) / 100;
  if (finite.length === 0) return { runs, median: Number.NaN, min: Number.NaN, max: Number.NaN };
  return { runs: runs.map(round), median: round(median(finite)), min: round(Math.min(...finite)), max: round(Math.max(...finite)) };
}
