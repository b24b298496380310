// Finished blocks nobody is looking at yet, kept in cheap form (performance.md B2: last byte → final
// paint). When the network outruns the page (full speed, or a long reply opened from storage),
// rendering every finished block (marked, then DOMPurify) before the end of the reply shows would
// take a second or more. So the renderer renders only the newest blocks at once, the ones on screen
// at the bottom of a reply that follows its stream, and mounts older ones here as placeholders: a
// `.markdown-block-deferred` box holding the block's Markdown source as plain text.
//
// A placeholder becomes the real block:
// - at once (in the next task) when it is on screen. Watching every placeholder would cost every
//   frame, so only those in a frozen group near the viewport are watched: the browser reports that
//   through the group's `content-visibility: auto` state (`contentvisibilityautostatechange`), and
//   an IntersectionObserver then says which of its placeholders are in view. A reader who scrolls
//   up, or find-in-page jumping there, gets the rendered block within a frame or two;
// - otherwise when the page is idle, newest first, in short slices, until none are left; not while
//   the reply still streams, so the stream's own updates never wait behind this work.
// Until then its words are in the DOM as text: find-in-page finds them and a screen reader reads
// them (with the Markdown marks), so nothing of the reply is ever missing, only not yet formatted.
// An upgraded block is built by the same function as one rendered at once, so once everything is
// upgraded the reply's DOM is byte-identical (markdown-view.test.tsx).
import type { SliceScheduler } from './slice-scheduler';

export const DEFERRED_CLASS = 'markdown-block markdown-block-deferred';

/** The part of IntersectionObserver used here (injected in tests). */
export interface VisibilityWatcher {
  observe(element: Element): void;
  unobserve(element: Element): void;
  disconnect(): void;
}
export type WatchVisibility = (onVisible: (elements: Element[]) => void) => VisibilityWatcher;

export const watchVisibilityInViewport: WatchVisibility = (onVisible) => {
  if (typeof IntersectionObserver !== 'function') return { observe: () => undefined, unobserve: () => undefined, disconnect: () => undefined };
  return new IntersectionObserver((entries) => onVisible(entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target)));
};

export interface DeferredBlocks {
  /** A placeholder for a finished block's Markdown source; the caller puts it on the page. */
  create(raw: string): HTMLElement;
  /** Watches a frozen group: when it comes near the viewport, its placeholders on screen go first. */
  watchGroup(group: HTMLElement): void;
  /** While held (the reply streams), only placeholders on screen are upgraded, none when idle. */
  hold(held: boolean): void;
  /** Call after placing placeholders: schedules their upgrade. */
  schedule(): void;
  /** Placeholders not upgraded yet. */
  readonly count: number;
  /** Forgets every placeholder and stops (the reply is being replaced or unmounted). */
  clear(): void;
}

type RenderBlock = (raw: string) => HTMLElement[];

export function createDeferredBlocks(render: RenderBlock, scheduler: SliceScheduler, sliceBudgetMs: number, watchVisibility: WatchVisibility = watchVisibilityInViewport): DeferredBlocks {
  /** Placeholder → its Markdown source, in document order (newest last). */
  const waiting = new Map<Element, string>();
  /** The same placeholders as a stack, newest on top (some may be upgraded already). */
  const newestLast: Element[] = [];
  /** Placeholders on screen: upgraded in the next task, not when idle. */
  const urgent = new Set<Element>();
  const nearViewport = new Set<HTMLElement>();
  const watched: Array<{ group: HTMLElement; listener: (event: Event) => void }> = [];
  let held = false;
  let cancelUrgent: (() => void) | null = null;
  let cancelIdle: (() => void) | null = null;
  const visibility = watchVisibility((visible) => {
    for (const element of visible) if (waiting.has(element)) urgent.add(element);
    schedule();
  });

  function upgrade(placeholder: Element): void {
    const raw = waiting.get(placeholder);
    urgent.delete(placeholder);
    if (raw === undefined) return;
    waiting.delete(placeholder);
    visibility.unobserve(placeholder);
    placeholder.replaceWith(...render(raw));
  }

  /** The next placeholder to upgrade: one on screen, else the newest. */
  function next(onlyUrgent: boolean): Element | undefined {
    const first = urgent.values().next();
    if (!first.done || onlyUrgent) return first.value;
    while (newestLast.length > 0 && !waiting.has(newestLast[newestLast.length - 1] as Element)) newestLast.pop();
    return newestLast[newestLast.length - 1];
  }

  function runSlice(timeLeft: () => number, onlyUrgent: boolean): void {
    // At least one per slice, so a block slower than the budget still gets upgraded.
    do {
      const placeholder = next(onlyUrgent);
      if (placeholder === undefined) break;
      upgrade(placeholder);
    } while (timeLeft() > 0 && (onlyUrgent ? urgent.size : waiting.size) > 0);
    schedule();
  }

  /** Placeholders in groups near the viewport are watched (observing twice is harmless). */
  function watchNearViewport(): void {
    for (const group of nearViewport) {
      for (const child of Array.from(group.children)) if (waiting.has(child)) visibility.observe(child);
    }
  }

  function schedule(): void {
    watchNearViewport();
    if (urgent.size > 0 && cancelUrgent === null) {
      cancelUrgent = scheduler.later(() => {
        cancelUrgent = null;
        const deadline = scheduler.now() + sliceBudgetMs;
        runSlice(() => deadline - scheduler.now(), true);
      });
    }
    if (!held && waiting.size > 0 && cancelIdle === null) {
      cancelIdle = scheduler.idle((timeLeft) => {
        cancelIdle = null;
        const deadline = scheduler.now() + sliceBudgetMs;
        runSlice(() => Math.min(timeLeft(), deadline - scheduler.now()), held);
      });
    }
  }

  return {
    create(raw) {
      const placeholder = document.createElement('div');
      placeholder.className = DEFERRED_CLASS;
      placeholder.textContent = raw;
      waiting.set(placeholder, raw);
      newestLast.push(placeholder);
      return placeholder;
    },
    watchGroup(group) {
      const listener = (event: Event): void => {
        if ((event as Event & { skipped?: boolean }).skipped === false) {
          nearViewport.add(group);
        } else {
          nearViewport.delete(group);
          for (const child of Array.from(group.children)) visibility.unobserve(child);
        }
        schedule();
      };
      group.addEventListener('contentvisibilityautostatechange', listener);
      watched.push({ group, listener });
    },
    hold(hold) {
      held = hold;
      if (held) {
        cancelIdle?.();
        cancelIdle = null;
      }
    },
    schedule,
    get count() {
      return waiting.size;
    },
    clear() {
      cancelUrgent?.();
      cancelIdle?.();
      cancelUrgent = null;
      cancelIdle = null;
      visibility.disconnect();
      waiting.clear();
      newestLast.length = 0;
      urgent.clear();
      nearViewport.clear();
      for (const { group, listener } of watched) group.removeEventListener('contentvisibilityautostatechange', listener);
      watched.length = 0;
    },
  };
}
