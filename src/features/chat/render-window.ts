// How much of a long list to put in the DOM (performance.md B7). Pure, so the rules are tested
// without a browser. The conversation list grows downwards as the reader scrolls or tabs; a long
// conversation mounts its newest messages (a screen and more) and older ones as the reader scrolls
// up or asks for them, with the scroll position kept where it was.

/**
 * Conversation rows rendered at first and added per step: a screen and a half on a 900 px desktop
 * (a row is 48 px). More only cost time before the list's first paint (performance.md B7); the
 * next rows are added a screen before the reader reaches the end.
 */
export const LIST_PAGE_SIZE = 25;
/** Rows left below the focused one before more are added, so Tab never runs off the end. */
export const LIST_FOCUS_LOOKAHEAD = 5;
/** Grow when the bottom of the rendered rows is closer than this many viewport heights. */
export const LIST_SCROLL_MARGIN_SCREENS = 1;

/**
 * Messages read, decrypted and mounted when a conversation opens: about two screens of short
 * messages on a 900 px desktop (one message is 60 px or more). Fewer leave the screen part
 * empty (then more mount at once, see useEarlierOnScroll); more only cost time before the first paint.
 */
export const MESSAGES_FIRST_READ = 20;
/** Older messages mounted per step (scrolling up, or "Load earlier messages"). */
export const MESSAGES_STEP = 30;

export function grownRowCount(current: number, total: number, page = LIST_PAGE_SIZE): number {
  return Math.min(total, Math.max(current, 0) + page);
}

export interface ScrollBox {
  scrollTop: number;
  clientHeight: number;
  scrollHeight: number;
}

export function isNearEnd(box: ScrollBox, marginScreens = LIST_SCROLL_MARGIN_SCREENS): boolean {
  return box.scrollHeight - box.scrollTop - box.clientHeight <= box.clientHeight * marginScreens;
}

/** The row count to render once row `focusedIndex` has the focus. */
export function rowCountForFocus(focusedIndex: number, current: number, total: number, lookahead = LIST_FOCUS_LOOKAHEAD): number {
  return focusedIndex >= 0 && focusedIndex >= current - lookahead ? grownRowCount(current, total) : current;
}

export function isNearStart(box: ScrollBox, marginScreens = LIST_SCROLL_MARGIN_SCREENS): boolean {
  return box.scrollTop <= box.clientHeight * marginScreens;
}

/**
 * Index of the oldest mounted message. The window is remembered by that message's id, not by an
 * index or a count from the end: the full history arriving after the newest messages, or a new
 * message at the bottom, must neither unmount what is shown nor mount more. Without an id, or
 * when that message is gone (edited away), the newest `firstShown` are mounted.
 */
export function windowStartIndex(messages: ReadonlyArray<{ id: string }>, oldestShownId: string | null, firstShown = MESSAGES_FIRST_READ): number {
  const found = oldestShownId === null ? -1 : messages.findIndex((message) => message.id === oldestShownId);
  return found >= 0 ? found : Math.max(0, messages.length - firstShown);
}

/** The window's start after one step up; never below 0. */
export function earlierStartIndex(current: number, step = MESSAGES_STEP): number {
  return Math.max(0, current - step);
}

/**
 * How far to scroll so that an element seen at `wantedTop` is back there (0 within half a pixel).
 * Mounting older messages above it, and each of their replies shrinking from its
 * content-visibility placeholder to its real height when first drawn, would otherwise move it.
 */
export function anchorShift(wantedTop: number, currentTop: number): number {
  const shift = currentTop - wantedTop;
  return Math.abs(shift) < 0.5 ? 0 : shift;
}

/** Index of the first message (`bottoms`: each mounted message's bottom edge, in order) still visible below `viewTop`. */
export function firstVisibleIndex(bottoms: readonly number[], viewTop: number): number {
  const index = bottoms.findIndex((bottom) => bottom > viewTop);
  return index >= 0 ? index : 0;
}
