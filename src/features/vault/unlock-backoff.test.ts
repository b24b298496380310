import { describe, expect, it } from 'vitest';
import { nextUnlockDelayMs } from './unlock-backoff';

describe('nextUnlockDelayMs', () => {
  it('lets five attempts through, then doubles from one second up to thirty', () => {
    expect([1, 2, 3, 4].map(nextUnlockDelayMs)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 20].map(nextUnlockDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});
