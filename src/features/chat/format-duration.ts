/** 840 → "840 ms", 2345 → "2.3 s", 65000 → "65 s": short enough for a message footer. */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  if (milliseconds < 10_000) return `${(milliseconds / 1000).toFixed(1)} s`;
  return `${Math.round(milliseconds / 1000)} s`;
}

export function formatTokenCount(count: number): string {
  return count.toLocaleString('en-US');
}
