// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../byok/conversations/conversation-types';
import { keepShownObjects } from './chat-conversation-actions';
import { MESSAGES_FIRST_READ, MESSAGES_STEP } from './render-window';
import { useMessageWindow } from './use-message-window';

const createMessages = (conversationId: string, count: number, from = 0): StoredMessage[] =>
  Array.from({ length: count }, (_, index): StoredMessage => ({
    id: `${conversationId}-${from + index}`, conversationId, sequence: from + index, role: 'user', content: `text ${from + index}`, status: 'complete', createdAt: 0,
  }));

describe('useMessageWindow', () => {
  it('keeps the newest messages mounted when the full history replaces the first read', () => {
    const all = createMessages('c', 500);
    const { result, rerender } = renderHook(({ messages }) => useMessageWindow('c', messages), { initialProps: { messages: all.slice(-MESSAGES_FIRST_READ) } });
    expect(result.current.start).toBe(0);
    rerender({ messages: all });
    expect(result.current.start).toBe(500 - MESSAGES_FIRST_READ);
    rerender({ messages: [...all, ...createMessages('c', 1, 500)] });
    expect(result.current.start).toBe(500 - MESSAGES_FIRST_READ);
  });

  it('mounts a step of older messages at a time until the first one, then reports none left', () => {
    const all = createMessages('c', 100);
    const { result } = renderHook(() => useMessageWindow('c', all));
    const starts = [result.current.start];
    let shown = true;
    while (shown) {
      act(() => {
        shown = result.current.showEarlier();
      });
      starts.push(result.current.start);
    }
    const expected = [100 - MESSAGES_FIRST_READ];
    while (expected.at(-1)! > 0) expected.push(Math.max(0, expected.at(-1)! - MESSAGES_STEP));
    expect(starts).toEqual([...expected, 0]);
    expect(starts.length).toBeGreaterThan(3);
  });

  it('starts again from the newest messages in another conversation', () => {
    const first = createMessages('a', 200);
    const second = createMessages('b', 200);
    const { result, rerender } = renderHook(({ id, messages }) => useMessageWindow(id, messages), { initialProps: { id: 'a', messages: first } });
    act(() => void result.current.showEarlier());
    expect(result.current.start).toBe(200 - MESSAGES_FIRST_READ - MESSAGES_STEP);
    rerender({ id: 'b', messages: second });
    expect(result.current.start).toBe(200 - MESSAGES_FIRST_READ);
  });
});

describe('keepShownObjects', () => {
  it('reuses the objects already on screen so their rows are not rendered again', () => {
    const shown = createMessages('c', 2, 3);
    const all = createMessages('c', 5);
    const merged = keepShownObjects(all, shown);
    expect(merged).toEqual(all);
    expect(merged[3]).toBe(shown[0]);
    expect(merged[4]).toBe(shown[1]);
    expect(merged[0]).toBe(all[0]);
  });

  it('takes the stored object when its status changed meanwhile', () => {
    const shown = createMessages('c', 1);
    const all = [{ ...shown[0]!, status: 'interrupted' as const }];
    expect(keepShownObjects(all, shown)[0]).toBe(all[0]);
  });
});
