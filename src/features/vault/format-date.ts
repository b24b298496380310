const DAY_MS = 86_400_000;

export function formatDate(timestamp: number | null): string {
  if (timestamp === null) return 'never';
  return new Date(timestamp).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** A key this old should be replaced (product.md, "Key hygiene reminders"). */
export const ROTATION_REMINDER_DAYS = 90;

export function isDueForRotation(createdAt: number, now = Date.now()): boolean {
  return now - createdAt > ROTATION_REMINDER_DAYS * DAY_MS;
}

export function formatTokens(count: number): string {
  return new Intl.NumberFormat(undefined).format(count);
}
