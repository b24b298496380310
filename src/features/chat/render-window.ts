// How much of a long list to put in the DOM (performance.md B7). Pure, so the rules are tested
// without a browser. The conversation list grows downwards as the reader scrolls or tabs; a long
// conversation renders its newest messages in full first and the older ones upgrade in the background.

/** Conversation rows rendered at first and added per step: about three screens on a desktop. */
export const LIST_PAGE_SIZE = 50;
/** Rows left below the focused one before more are added, so Tab never runs off the end. */
export const LIST_FOCUS_LOOKAHEAD = 5;
/** Grow when the bottom of the rendered rows is closer than this many viewport heights. */
export const LIST_SCROLL_MARGIN_SCREENS = 1;

/** Full (Markdown) messages on opening: more than a tall screen shows at the bottom. */
export const MESSAGES_FIRST_FULL = 40;
/** Older messages upgraded per idle step: a step stays well under a frame budget of work. */
export const MESSAGES_UPGRADE_STEP = 20;

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

/** Index of the oldest message rendered in full when a conversation of `total` messages opens. */
export function firstFullIndex(total: number, full = MESSAGES_FIRST_FULL): number {
  return Math.max(0, total - full);
}

/**
 * The next boundary after one idle step. An absolute index, not a count from the end: a message
 * added at the bottom must not push an older one back to its plain form.
 */
export function upgradedFirstFull(current: number, step = MESSAGES_UPGRADE_STEP): number {
  return Math.max(0, current - step);
}
