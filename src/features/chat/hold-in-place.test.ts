// @vitest-environment happy-dom
// The one hold per scrolling box (hold-in-place.ts), on a laid-out list the test moves by hand: what
// the browser does in a real one (mounting, anchoring, e2e/chat-far-messages.spec.ts and
// e2e/chat-long-conversation.spec.ts) is modelled by heights, scrollTop and the events that follow.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdView, isForeignScroll, noteView, releaseView } from './hold-in-place';

const VIEW = 800;

/**
 * A scrolling box of messages of the given heights, laid out one under the other. Like a browser, it
 * sends a scroll event at the next frame when scrollTop changed, before the frame's callbacks.
 */
function createMessages(heights: number[]) {
  const container = document.createElement('div');
  const list = document.createElement('ol');
  list.setAttribute('aria-label', 'Messages');
  container.append(list);
  document.body.append(container);
  let scrollTop = 0;
  let scrolledSinceFrame = false;
  const total = () => heights.reduce((sum, height) => sum + height, 0);
  const items = heights.map((_, index) => {
    const item = document.createElement('li');
    item.getBoundingClientRect = () => {
      const top = heights.slice(0, index).reduce((sum, height) => sum + height, 0) - scrollTop;
      return { top, bottom: top + (heights[index] ?? 0) } as DOMRect;
    };
    list.append(item);
    return item;
  });
  container.getBoundingClientRect = () => ({ top: 0, bottom: VIEW }) as DOMRect;
  Object.defineProperty(container, 'scrollTop', {
    get: () => scrollTop,
    set: (value: number) => {
      const clamped = Math.max(0, Math.min(value, total() - VIEW));
      if (clamped !== scrollTop) scrolledSinceFrame = true;
      scrollTop = clamped;
    },
  });
  return {
    container,
    /** Where message `index` is on the screen. */
    topOf: (index: number) => items[index]?.getBoundingClientRect().top ?? Number.NaN,
    /** Message `index` changes height (mounted, drawn): nothing makes up for it on its own. */
    resize: (index: number, height: number) => {
      heights[index] = height;
    },
    /** A scroll the box makes without an event of its own yet (a script, the browser's anchoring). */
    scrollBy: (by: number) => {
      container.scrollTop = scrollTop + by;
    },
    /** The scroll event (if scrollTop changed) and then the animation frame callbacks. */
    frame: () => {
      if (scrolledSinceFrame) container.dispatchEvent(new Event('scroll'));
      scrolledSinceFrame = false;
      const callbacks = [...frameCallbacks.values()];
      frameCallbacks.clear();
      for (const callback of callbacks) callback(0);
    },
  };
}

let frameCallbacks: Map<number, FrameRequestCallback>;
beforeEach(() => {
  frameCallbacks = new Map();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frameCallbacks.set(next, callback);
    return next++;
  });
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => frameCallbacks.delete(handle));
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

/** Ten messages of 500 px, scrolled so that message 5 is at the top of the view. */
function scrolledToFifth() {
  const messages = createMessages(Array.from({ length: 10 }, () => 500));
  messages.container.scrollTop = 2500;
  messages.frame();
  return messages;
}

describe('holding the view while messages above it change height', () => {
  it('keeps the first message in view where it was, in the commit and in later frames', () => {
    const messages = scrolledToFifth();
    noteView(messages.container);
    messages.resize(2, 900);
    holdView(messages.container);
    expect(messages.topOf(5)).toBe(0);
    // Drawn for the first time a frame later, it shrinks: still held.
    messages.resize(2, 300);
    messages.frame();
    expect(messages.topOf(5)).toBe(0);
    releaseView(messages.container);
  });

  it('keeps its first anchor when a second change is asked for while it holds', () => {
    const messages = scrolledToFifth();
    noteView(messages.container);
    messages.resize(2, 900);
    holdView(messages.container);
    // Older messages mounted, and in the same frame a far one asked to be mounted again, before the
    // hold has corrected for the first: noted then, the anchor would keep the view 400 px off.
    messages.resize(1, 100);
    noteView(messages.container);
    messages.resize(3, 200);
    holdView(messages.container);
    expect(messages.topOf(5)).toBe(0);
    for (let frame = 0; frame < 3; frame += 1) messages.frame();
    expect(messages.topOf(5)).toBe(0);
    releaseView(messages.container);
  });

  it('notes the view again when it is scrolled before the change is committed', () => {
    const messages = scrolledToFifth();
    noteView(messages.container);
    messages.scrollBy(-300);
    messages.frame();
    messages.resize(2, 900);
    holdView(messages.container);
    expect(messages.topOf(5)).toBe(300);
    releaseView(messages.container);
  });

  it("does not undo the browser's own anchoring for the change, applied as the commit is laid out", () => {
    const messages = scrolledToFifth();
    noteView(messages.container);
    messages.resize(2, 900);
    messages.scrollBy(400);
    holdView(messages.container);
    expect(messages.topOf(5)).toBe(0);
    messages.frame();
    expect(messages.topOf(5)).toBe(0);
    releaseView(messages.container);
  });

  it('keeps a scroll made before the change is committed, its event still to come', () => {
    const messages = scrolledToFifth();
    noteView(messages.container);
    messages.scrollBy(-300);
    messages.resize(2, 900);
    holdView(messages.container);
    expect(messages.topOf(5)).toBe(300);
    releaseView(messages.container);
  });
});

describe('what ends a hold', () => {
  /** Held after message 2 grew by 400 px; message 5 is at the top of the view. */
  function holding() {
    const messages = scrolledToFifth();
    noteView(messages.container);
    messages.resize(2, 900);
    holdView(messages.container);
    messages.frame();
    return messages;
  }

  it('a scroll it did not make (a script, scrollIntoView) ends it, and is not undone', () => {
    const messages = holding();
    messages.scrollBy(-300);
    messages.frame();
    messages.resize(1, 700);
    messages.frame();
    // Only the browser's anchoring would make up for the 200 px now; the script's scroll stays.
    expect(messages.topOf(5)).toBe(500);
  });

  it("the browser's own anchoring does not end it: it scrolls by as much as the content above moved", () => {
    const messages = holding();
    messages.resize(2, 600);
    messages.scrollBy(-300);
    messages.frame();
    messages.resize(1, 100);
    messages.frame();
    expect(messages.topOf(5)).toBe(0);
    releaseView(messages.container);
  });

  it("the reader's own input (wheel, touch, keys, pointer) ends it", () => {
    for (const input of ['wheel', 'touchstart', 'keydown', 'pointerdown']) {
      const messages = holding();
      messages.container.dispatchEvent(new Event(input));
      messages.resize(1, 700);
      messages.frame();
      expect(messages.topOf(5)).toBe(200);
      document.body.replaceChildren();
    }
  });

  it('it ends once nothing moved for a few frames', () => {
    const messages = holding();
    for (let frame = 0; frame < 10; frame += 1) messages.frame();
    messages.resize(1, 700);
    messages.frame();
    expect(messages.topOf(5)).toBe(200);
  });
});

describe('isForeignScroll', () => {
  it('is a scroll by more than the content above the anchor moved', () => {
    expect(isForeignScroll(-300, 0)).toBe(true);
    expect(isForeignScroll(-300, -300)).toBe(false);
    expect(isForeignScroll(0, 400)).toBe(false);
    expect(isForeignScroll(0.4, 0)).toBe(false);
  });
});
