import { describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE, MESSAGES_FIRST_FULL, firstFullIndex, grownRowCount, isNearEnd, rowCountForFocus, upgradedFirstFull } from './render-window';

describe('conversation list window', () => {
  it('grows by a page and never past the total', () => {
    expect(grownRowCount(LIST_PAGE_SIZE, 1001)).toBe(2 * LIST_PAGE_SIZE);
    expect(grownRowCount(990, 1001)).toBe(1001);
    expect(grownRowCount(10, 10)).toBe(10);
    expect(grownRowCount(-5, 1001, 20)).toBe(20);
  });

  it('is near the end when less than a screen is left below the viewport', () => {
    expect(isNearEnd({ scrollTop: 0, clientHeight: 500, scrollHeight: 2700 })).toBe(false);
    expect(isNearEnd({ scrollTop: 1700, clientHeight: 500, scrollHeight: 2700 })).toBe(true);
    expect(isNearEnd({ scrollTop: 0, clientHeight: 500, scrollHeight: 400 })).toBe(true);
    expect(isNearEnd({ scrollTop: 1300, clientHeight: 500, scrollHeight: 2700 }, 2)).toBe(true);
  });

  it('grows when the focus reaches one of the last rows, so Tab never leaves the list early', () => {
    expect(rowCountForFocus(0, 50, 1001)).toBe(50);
    expect(rowCountForFocus(44, 50, 1001)).toBe(50);
    expect(rowCountForFocus(45, 50, 1001)).toBe(100);
    expect(rowCountForFocus(49, 50, 60)).toBe(60);
    expect(rowCountForFocus(-1, 50, 1001)).toBe(50);
  });
});

describe('long conversation rendering', () => {
  it('renders only the newest messages in full at first', () => {
    expect(firstFullIndex(500)).toBe(500 - MESSAGES_FIRST_FULL);
    expect(firstFullIndex(MESSAGES_FIRST_FULL)).toBe(0);
    expect(firstFullIndex(3)).toBe(0);
  });

  it('moves the boundary up one step at a time until every message is full', () => {
    let firstFull = firstFullIndex(500);
    let steps = 0;
    while (firstFull > 0) {
      const next = upgradedFirstFull(firstFull);
      expect(next).toBeLessThan(firstFull);
      firstFull = next;
      steps += 1;
    }
    expect(firstFull).toBe(0);
    expect(steps).toBeGreaterThan(1);
    expect(upgradedFirstFull(5, 20)).toBe(0);
  });
});
