// Keeps what the reader sees still while something above it changes height: older messages mounted
// above (message-list.tsx), or a far message mounted again (far-messages.ts). For the latter the
// browser's own scroll anchoring did not make up for it: a collapsed message keeps a height measured
// with parts of it skipped at their estimated size, and mounted again a screen above the viewport,
// the view jumped by the difference (hundreds of px).
//
// One hold per scrolling box, shared by both. Two holds, each with its own anchor noted at another
// moment (a scroll event, an observer callback a frame later), corrected against each other for up to
// 60 frames when older messages and a far message were mounted together: the view moved 1,477 px.
import { anchorShift, firstVisibleIndex } from './render-window';

export interface Anchor {
  element: Element;
  top: number;
}

/** The first mounted message still in view, and where it is on the screen. */
export function findAnchor(container: HTMLElement): Anchor | null {
  const items = [...container.querySelectorAll('ol[aria-label="Messages"] > li')];
  const element = items[firstVisibleIndex(items.map((item) => item.getBoundingClientRect().bottom), container.getBoundingClientRect().top)];
  return element ? { element, top: element.getBoundingClientRect().top } : null;
}

/** At most this many frames held after a change, since replies mounted above shrink from their placeholder size as they are first drawn. */
export const HOLD_FRAMES = 60;
/** Held until nothing moved for this many frames. */
export const STABLE_FRAMES = 5;
/** A change noted but not committed in this many frames is given up: its anchor would be stale. */
const NOTED_FRAMES = 10;
const READER_INPUT = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Whether scrollTop moved by more than the anchor moved within the content: a scroll by the reader or
 * a script (scrollIntoView, the end of a stream followed, a test). The browser's own anchoring also
 * changes scrollTop, but by just as much as the content above its anchor changed height.
 */
export function isForeignScroll(scrolled: number, anchorMoved: number): boolean {
  return Math.abs(scrolled) >= 1 && Math.abs(scrolled - anchorMoved) >= 1;
}

class ViewHold {
  private anchor: Anchor | null = null;
  /** Correcting after a committed change; otherwise a change is noted and not committed yet. */
  private holding = false;
  /** A change was asked for since the last commit held. */
  private pending = true;
  private frame = 0;
  private stable = 0;
  private handle = 0;
  private seenScrollTop = 0;
  /** The anchor's top within the content (its top on the screen plus scrollTop), last looked at. */
  private seenOffset = 0;
  private readonly onScroll = () => this.scrolled();
  /** The reader's own input ends a hold; before the change, the scroll it makes is noted instead. */
  private readonly onInput = () => {
    if (this.holding) this.end();
  };

  constructor(private readonly container: HTMLElement, private readonly done: () => void) {
    this.awaitCommit();
    container.addEventListener('scroll', this.onScroll, { passive: true });
    for (const type of READER_INPUT) container.addEventListener(type, this.onInput, { passive: true });
  }

  /** A change is about to be made. While holding, the first anchor is kept: the view is held at it. */
  request(): void {
    this.pending = true;
    if (!this.holding) this.awaitCommit();
  }

  /** The change is committed: corrected now (before paint), then each frame until still. */
  commit(): void {
    if (!this.pending) return;
    this.pending = false;
    if (!this.holding) this.keepScrollSinceNoted();
    this.holding = true;
    this.frame = 0;
    this.stable = 0;
    cancelAnimationFrame(this.handle);
    this.correct();
  }

  /** Notes what is in view before the change, and gives up if the change never comes. */
  private awaitCommit(): void {
    this.note();
    this.frame = 0;
    cancelAnimationFrame(this.handle);
    const expire = () => {
      this.frame += 1;
      if (this.frame >= NOTED_FRAMES) this.release();
      else this.handle = requestAnimationFrame(expire);
    };
    this.handle = requestAnimationFrame(expire);
  }

  /** What is in view, and where the view was (to tell a later scroll from a correction). */
  private note(): void {
    this.anchor = findAnchor(this.container);
    this.remember();
  }

  /**
   * A scroll since the view was noted whose event has not come yet. The browser's anchoring for the
   * change itself (applied as the commit is laid out) scrolls by as much as the content above moved:
   * nothing to undo. A script's (in a task before the commit) moved what was noted by as much: kept.
   */
  private keepScrollSinceNoted(): void {
    const scrollTop = this.container.scrollTop;
    const scrolled = scrollTop - this.seenScrollTop;
    const offset = (this.anchor?.element.getBoundingClientRect().top ?? 0) + scrollTop;
    if (this.anchor !== null && isForeignScroll(scrolled, offset - this.seenOffset)) {
      this.anchor = { element: this.anchor.element, top: this.anchor.top - scrolled };
    }
    this.remember();
  }

  private remember(): void {
    this.seenScrollTop = this.container.scrollTop;
    this.seenOffset = (this.anchor?.element.getBoundingClientRect().top ?? 0) + this.seenScrollTop;
  }

  private movedByOthers(): boolean {
    const scrollTop = this.container.scrollTop;
    const offset = (this.anchor?.element.getBoundingClientRect().top ?? 0) + scrollTop;
    return isForeignScroll(scrollTop - this.seenScrollTop, offset - this.seenOffset);
  }

  private scrolled(): void {
    // Before the change, the view may move freely: what is in view then is what to keep.
    if (!this.holding) this.note();
    else if (this.movedByOthers()) this.end();
    else this.remember();
  }

  private correct(): void {
    const anchor = this.anchor;
    if (anchor === null || !anchor.element.isConnected || this.movedByOthers()) {
      this.end();
      return;
    }
    const shift = anchorShift(anchor.top, anchor.element.getBoundingClientRect().top);
    if (shift !== 0) this.container.scrollTop += shift;
    this.remember();
    this.stable = shift === 0 ? this.stable + 1 : 0;
    this.frame += 1;
    if (this.frame < HOLD_FRAMES && this.stable < STABLE_FRAMES) this.handle = requestAnimationFrame(() => this.correct());
    else this.end();
  }

  /**
   * The reader or a script moved the view, or it is still: the hold ends. A change asked for and not
   * yet committed is noted again from what is in view now.
   */
  private end(): void {
    if (!(this.pending && this.holding)) {
      this.release();
      return;
    }
    this.holding = false;
    this.awaitCommit();
  }

  release(): void {
    cancelAnimationFrame(this.handle);
    for (const type of READER_INPUT) this.container.removeEventListener(type, this.onInput);
    this.container.removeEventListener('scroll', this.onScroll);
    this.done();
  }
}

const holds = new WeakMap<HTMLElement, ViewHold>();

/**
 * Call just before a change that may move what the reader sees in `container` (before the state that
 * makes it is committed). Notes the first message in view and where it is, unless the view is being
 * held already: then the anchor it is held at is kept.
 */
export function noteView(container: HTMLElement): void {
  const hold = holds.get(container);
  if (hold !== undefined) hold.request();
  else holds.set(container, new ViewHold(container, () => holds.delete(container)));
}

/**
 * Call once the change is committed (a layout effect): holds what was noted where it was, now and each
 * frame until still. Ends on the reader's own input (wheel, touch, key, pointer) and on a scroll it
 * did not make itself, so the reader and scripts (scrollIntoView, find-in-page) are never undone.
 */
export function holdView(container: HTMLElement): void {
  holds.get(container)?.commit();
}

/** Ends any hold of `container` (it is going away). */
export function releaseView(container: HTMLElement): void {
  holds.get(container)?.release();
}
