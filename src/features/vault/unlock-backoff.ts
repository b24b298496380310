// Friction after repeated wrong passphrases (security.md R16): none for the first five, then
// 1, 2, 4 … seconds, never more than 30. The real bound on guessing is the KDF, not this.
export const FREE_ATTEMPTS = 5;
export const MAX_DELAY_MS = 30_000;

export function nextUnlockDelayMs(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failedAttempts - FREE_ATTEMPTS));
}
