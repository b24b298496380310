import { describe, expect, it } from 'vitest';
import {
  LIST_PAGE_SIZE, MESSAGES_FIRST_READ, MESSAGES_STEP, anchorShift, earlierStartIndex, firstVisibleIndex, grownRowCount, isNearEnd, isNearStart, rowCountForFocus, windowStartIndex,
} from './render-window';

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
    const page = LIST_PAGE_SIZE;
    expect(rowCountForFocus(0, page, 1001)).toBe(page);
    expect(rowCountForFocus(page - 6, page, 1001)).toBe(page);
    expect(rowCountForFocus(page - 5, page, 1001)).toBe(2 * page);
    expect(rowCountForFocus(page - 1, page, page + 10)).toBe(page + 10);
    expect(rowCountForFocus(-1, page, 1001)).toBe(page);
  });
});

const messages = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `m${index}` }));

describe('long conversation window', () => {
  it('mounts only the newest messages of a long conversation at first', () => {
    expect(windowStartIndex(messages(500), null)).toBe(500 - MESSAGES_FIRST_READ);
    expect(windowStartIndex(messages(MESSAGES_FIRST_READ), null)).toBe(0);
    expect(windowStartIndex(messages(3), null)).toBe(0);
    expect(windowStartIndex([], null)).toBe(0);
  });

  it('keeps the oldest mounted message when the full history arrives or a message is added', () => {
    // The first read showed the newest 30 (m470..m499); the window is pinned to m470.
    expect(windowStartIndex(messages(500).slice(470), 'm470')).toBe(0);
    expect(windowStartIndex(messages(500), 'm470')).toBe(470);
    expect(windowStartIndex(messages(501), 'm470')).toBe(470);
  });

  it('falls back to the newest messages when the oldest mounted one is gone', () => {
    expect(windowStartIndex(messages(100), 'deleted')).toBe(100 - MESSAGES_FIRST_READ);
  });

  it('mounts older messages a step at a time, down to the first', () => {
    let start = windowStartIndex(messages(500), null);
    let steps = 0;
    while (start > 0) {
      const next = earlierStartIndex(start);
      expect(start - next).toBeLessThanOrEqual(MESSAGES_STEP);
      start = next;
      steps += 1;
    }
    expect(steps).toBe(Math.ceil((500 - MESSAGES_FIRST_READ) / MESSAGES_STEP));
    expect(earlierStartIndex(0)).toBe(0);
  });

  it('is near the start when less than a screen is above the viewport', () => {
    expect(isNearStart({ scrollTop: 0, clientHeight: 800, scrollHeight: 3000 })).toBe(true);
    expect(isNearStart({ scrollTop: 800, clientHeight: 800, scrollHeight: 3000 })).toBe(true);
    expect(isNearStart({ scrollTop: 801, clientHeight: 800, scrollHeight: 3000 })).toBe(false);
  });

  it('scrolls by exactly how far the anchored message moved', () => {
    expect(anchorShift(70, 70)).toBe(0);
    expect(anchorShift(70, 70.3)).toBe(0);
    // 30 messages (1,500 px) mounted above: scroll down by that much to keep it in place.
    expect(anchorShift(70, 1570)).toBe(1500);
    // Replies above shrank from their placeholder size: scroll back up.
    expect(anchorShift(70, -1327)).toBe(-1397);
  });

  it('anchors on the first message still in view', () => {
    expect(firstVisibleIndex([50, 120, 300, 600], 100)).toBe(1);
    expect(firstVisibleIndex([50, 120], 0)).toBe(0);
    expect(firstVisibleIndex([], 0)).toBe(0);
    expect(firstVisibleIndex([10, 20], 500)).toBe(0);
  });
});
