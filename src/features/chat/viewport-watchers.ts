// What the frozen groups of a reply ask the page (deferred-blocks.ts), injected so tests can
// answer instead of a layout: which blocks are on screen, whether a group is far from the viewport
// or holds something of the reader's, and whether the rendered end of a reply fills the screen.

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

/** Whether demoting this group would take something from the reader (the selection, the focus). */
export type InUse = (group: HTMLElement) => boolean;

export const inUseInDocument: InUse = (group) => {
  if (group.contains(document.activeElement)) return true;
  const selection = typeof getSelection === 'function' ? getSelection() : null;
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return false;
  return selection.getRangeAt(0).intersectsNode(group);
};

/** Whether the reply, from `top` (its topmost rendered block) down, fills the screen (forces a layout). */
export type ScreenCovered = (top: Element) => boolean;

/** Whether a group is far enough from the viewport to be demoted (forces a layout). */
export type IsFar = (group: HTMLElement) => boolean;

/**
 * Far by its own box: more than a window height above or below the viewport. Measured, not taken
 * from the content-visibility events: the browser reports a new group as skipped before its first
 * layout says it is on screen (the first event of a group on screen reads `skipped: true`, then
 * `false` a frame or more later).
 */
export const farFromViewport: IsFar = (group) => {
  const box = group.getBoundingClientRect();
  return box.bottom < -window.innerHeight || box.top > 2 * window.innerHeight;
};
