// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetChatStore, useChatStore } from './chat-store';
import { followsStream, useStickToBottom } from './use-stick-to-bottom';

/** A scroll box whose content height the test sets, with the browser's clamping of scrollTop. */
function createScrollBox(clientHeight: number) {
  const element = document.createElement('div');
  let height = clientHeight;
  let top = 0;
  Object.defineProperty(element, 'clientHeight', { get: () => clientHeight });
  Object.defineProperty(element, 'scrollHeight', { get: () => height });
  Object.defineProperty(element, 'scrollTop', { get: () => top, set: (value: number) => { top = Math.max(0, Math.min(value, height - clientHeight)); } });
  return {
    element,
    grow: (to: number) => { height = to; },
    get top() { return top; },
    /** The reader (or a late event for the list's own scroll) moves the view; the event follows. */
    scrollEvent: (to?: number) => {
      if (to !== undefined) element.scrollTop = to;
      element.dispatchEvent(new Event('scroll'));
    },
  };
}

function streamText(text: string): void {
  useChatStore.setState({ streaming: { messageId: 'm', text, reasoning: '', toolCalls: [] } });
}

afterEach(resetChatStore);

describe('following a streaming reply', () => {
  it("takes the list's own scroll event, arriving after the reply grew by screens, as still following", () => {
    expect(followsStream({ scrollTop: 1000, scrollHeight: 9000, clientHeight: 800 }, 1000)).toBe(true);
    expect(followsStream({ scrollTop: 1000, scrollHeight: 9000, clientHeight: 800 }, null)).toBe(false);
  });

  it('stops following once the reader scrolls up, and follows again at the end', () => {
    expect(followsStream({ scrollTop: 700, scrollHeight: 1800, clientHeight: 800 }, 1000)).toBe(false);
    expect(followsStream({ scrollTop: 950, scrollHeight: 1800, clientHeight: 800 }, null)).toBe(true);
  });

  it('keeps the end in view at full speed, when each update lands before the previous scroll event', () => {
    const box = createScrollBox(800);
    streamText('a');
    renderHook(() => useStickToBottom({ current: box.element }));
    for (let update = 1; update <= 5; update += 1) {
      box.grow(800 + update * 3000);
      // The event of the previous scrollToEnd arrives now, after the content grew again.
      box.scrollEvent();
      act(() => streamText('a'.repeat(update * 1000)));
      expect(box.top).toBe(update * 3000);
    }
  });

  it('leaves the view where the reader put it', () => {
    const box = createScrollBox(800);
    streamText('a');
    renderHook(() => useStickToBottom({ current: box.element }));
    box.grow(5000);
    act(() => streamText('aa'));
    expect(box.top).toBe(4200);
    box.scrollEvent(1000);
    box.grow(9000);
    act(() => streamText('aaa'));
    expect(box.top).toBe(1000);
  });

  it('keeps the end in view when the view itself changes size (a phone turned, a window resized), unless the reader scrolled up', () => {
    const observers: Array<() => void> = [];
    vi.stubGlobal('ResizeObserver', class {
      constructor(private readonly callback: () => void) {}
      observe() {
        observers.push(this.callback);
      }
      disconnect() {}
    });
    try {
      const box = createScrollBox(800);
      streamText('a');
      act(() => useChatStore.setState({ streaming: null }));
      renderHook(() => useStickToBottom({ current: box.element }));
      // Narrower: the same messages are taller now, and the view is no longer at their end.
      box.grow(2600);
      act(() => observers.forEach((callback) => callback()));
      expect(box.top).toBe(1800);
      box.scrollEvent(200);
      box.grow(3000);
      act(() => observers.forEach((callback) => callback()));
      expect(box.top).toBe(200);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
