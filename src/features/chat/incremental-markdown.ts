// The reply renderer behind MarkdownView, in plain DOM (performance.md B2, B3). Per update it
// touches only the open block at the end; a finished block is rendered once into nodes (marked →
// DOMPurify as a fragment, no HTML string parsed twice), appended to a frozen group, and never
// looked at again. Groups of blocks share one `content-visibility: auto` box, so the browser
// checks a few dozen boxes per frame, not hundreds. When one update finishes many blocks at once
// (full speed, or a long reply opened from history), they are mounted in time slices, never in
// one long task.
import { createMarkdownBlockSplitter, type MarkdownBlock, type MarkdownBlockSplitter } from './markdown-blocks';
import { createCodeBlockElement, finishCodeBlockElement } from './code-block-dom';
import { renderBlockTokensToNodes, renderMarkdownBlocksToNodes, type RenderedNodeBlock } from './render-markdown';
import type { Token } from 'marked';
import { createFrozenGroups, RENDER_BATCH_CHARACTERS, type InUse, type IsFar, type ScreenCovered, type WatchVisibility } from './deferred-blocks';
import { browserSliceScheduler, type SliceScheduler } from './slice-scheduler';

export { browserSliceScheduler, type SliceScheduler } from './slice-scheduler';

/** Blocks per frozen group: enough to keep the number of boxes small, few enough that a group is about a screen. */
export const BLOCKS_PER_GROUP = 24;
/** Mounting finished blocks stops after this long in one task and goes on in the next. */
export const SLICE_BUDGET_MS = 8;
/**
 * When a backlog of finished blocks waits, the newest blocks up to this much Markdown are rendered
 * at once (about what a 1440×900 screen of reply text holds: some 25 lines of 95 characters);
 * older ones are mounted in cheap form and upgraded later (deferred-blocks.ts). Should the screen
 * show more, those placeholders are on screen and upgraded in the next task.
 */
export const FULL_TAIL_CHARACTERS = 2500;

export interface IncrementalMarkdownOptions {
  scheduler?: SliceScheduler;
  sliceBudgetMs?: number;
  blocksPerGroup?: number;
  /** Finished blocks rendered in one pass (deferred-blocks.ts RENDER_BATCH_CHARACTERS). */
  renderBatchCharacters?: number;
  /** Infinity renders every finished block at once, never in cheap form. */
  fullTailCharacters?: number;
  watchVisibility?: WatchVisibility;
  inUse?: InUse;
  isFar?: IsFar;
  screenCovered?: ScreenCovered;
  /** A splitter that may have run ahead of the updates (split-ahead.ts); a new one unless given. */
  splitter?: MarkdownBlockSplitter;
}

export interface IncrementalMarkdown {
  /** The whole text so far; `streaming` false renders the open tail as finished too. */
  update(text: string, streaming: boolean): void;
  /** Finished blocks rendered but not yet mounted (0 once caught up). */
  readonly backlog: number;
  /** Finished blocks mounted in cheap form, not yet upgraded (0 once everything is final). */
  readonly deferred: number;
  dispose(): void;
}

function blockElement(block: RenderedNodeBlock, finished: boolean): HTMLElement {
  if (block.kind === 'code') return createCodeBlockElement(block, finished);
  const element = document.createElement('div');
  // The class names are the ones the React renderer used; rendered output stays byte-identical.
  element.className = finished ? 'markdown-block markdown-block-finished' : 'markdown-block';
  element.append(block.fragment);
  return element;
}

export function createIncrementalMarkdown(root: HTMLElement, options: IncrementalMarkdownOptions = {}): IncrementalMarkdown {
  const scheduler = options.scheduler ?? browserSliceScheduler;
  const budget = options.sliceBudgetMs ?? SLICE_BUDGET_MS;
  const perGroup = options.blocksPerGroup ?? BLOCKS_PER_GROUP;
  const fullTail = options.fullTailCharacters ?? FULL_TAIL_CHARACTERS;
  const batchCharacters = options.renderBatchCharacters ?? RENDER_BATCH_CHARACTERS;
  const renderFinished = (raws: readonly string[]): HTMLElement[][] => renderMarkdownBlocksToNodes(raws).map((blocks) => blocks.map((block) => blockElement(block, true)));
  let splitter: MarkdownBlockSplitter = options.splitter ?? createMarkdownBlockSplitter();
  /** The whole text so far: finished blocks are kept as their place in it (deferred-blocks.ts). */
  let lastText = '';
  let lastStreaming = true;
  /** The tail was rendered as a finished block: any other text must start over. */
  let finalised = false;
  let pending: MarkdownBlock[] = [];
  let openTokens: Token[] = [];
  /** What the open box shows, and the text it was rendered from. */
  let shown: { text: string; blocks: Array<{ element: HTMLElement; block: RenderedNodeBlock }> } = { text: '', blocks: [] };
  let cancelSlice: (() => void) | null = null;
  // The open block lives in a `display: contents` box, so it lays out as if it were a direct child.
  const open = document.createElement('div');
  open.className = 'markdown-open';
  root.replaceChildren(open);
  const frozen = createFrozenGroups({
    insertGroup: (group) => root.insertBefore(group, open),
    render: renderFinished,
    source: () => lastText,
    scheduler,
    sliceBudgetMs: budget,
    blocksPerGroup: perGroup,
    renderBatchCharacters: batchCharacters,
    ...(options.watchVisibility ? { watchVisibility: options.watchVisibility } : {}),
    ...(options.inUse ? { inUse: options.inUse } : {}),
    ...(options.isFar ? { isFar: options.isFar } : {}),
  });

  // A copy anywhere on the page: a selection may start outside this reply (select all) and still
  // take in its cheap blocks. The browser serialises the selection after this listener returns.
  const renderSelection = (): void => {
    const selection = document.getSelection();
    for (let index = 0; selection !== null && index < selection.rangeCount; index += 1) {
      const range = selection.getRangeAt(index);
      if (range.intersectsNode(root)) frozen.renderWithin(range);
    }
  };
  document.addEventListener('copy', renderSelection, true);

  /** The reply from `top` down is at least a window high (a reply that follows its stream fills the screen). */
  const screenCovered = options.screenCovered ?? ((top: Element): boolean => root.getBoundingClientRect().bottom - top.getBoundingClientRect().top >= window.innerHeight);

  function reset(): void {
    cancelSlice?.();
    cancelSlice = null;
    frozen.clear();
    splitter = createMarkdownBlockSplitter();
    finalised = false;
    pending = [];
    open.replaceChildren();
    shown = { text: '', blocks: [] };
    root.replaceChildren(open);
  }

  /**
   * More finished blocks wait than fit on a screen (the network outran the page): all of them are
   * mounted in cheap form at once, and the newest screenful is rendered newest first, the first
   * slice now. The end of the reply, the part a reader following the stream sees, is at the
   * bottom: it is never queued behind the blocks above it (performance.md B2, last byte → final
   * paint), and older blocks are rendered only when they come near the viewport.
   */
  function deferBacklog(): void {
    let kept = 0;
    for (let characters = 0; kept < pending.length && characters < fullTail; kept += 1) {
      const block = pending[pending.length - 1 - kept] as MarkdownBlock;
      characters += block.end - block.start;
    }
    if (kept === pending.length) return;
    frozen.append(pending.splice(0, pending.length - kept), true);
    frozen.appendNewest(pending.splice(0), screenCovered, fullTail);
  }

  function pump(): void {
    cancelSlice = null;
    deferBacklog();
    // What is left after deferBacklog is at most about a screenful, unless that is switched off:
    // it goes on the page in this task, not in slices with frames (and an empty open block) in
    // between, which a loaded machine stretched (performance.md B2, last byte → final paint).
    const screenful = Number.isFinite(fullTail) && pending.reduce((sum, block) => sum + block.end - block.start, 0) <= fullTail;
    const deadline = screenful ? Infinity : scheduler.now() + budget;
    // At least one batch per slice, so a block slower than the budget still gets mounted.
    while (pending.length > 0) {
      let taken = 0;
      for (let characters = 0; taken < pending.length && characters < batchCharacters; taken += 1) {
        const block = pending[taken] as MarkdownBlock;
        characters += block.end - block.start;
      }
      frozen.append(pending.splice(0, taken), false);
      if (scheduler.now() >= deadline) break;
    }
    if (pending.length > 0) {
      // The open block follows blocks that are not on the page yet: show it once they are.
      open.replaceChildren();
      cancelSlice = scheduler.later(pump);
      return;
    }
    const blocks = renderBlockTokensToNodes(openTokens).map((block) => ({ element: blockElement(block, false), block }));
    open.replaceChildren(...blocks.map((entry) => entry.element));
    shown = { text: lastText, blocks };
    // After the newest blocks, so rendering older ones never delays what the reader sees now.
    frozen.schedule();
  }

  /**
   * The stream ended on the text already shown: the open block is exactly what the finished one
   * would be (the same tokens), so it is finished in place rather than built again. The final
   * paint then needs no new nodes at all (performance.md B2, last byte → final paint).
   */
  function finishInPlace(text: string): boolean {
    if (text !== shown.text || pending.length > 0 || cancelSlice !== null) return false;
    for (const { element, block } of shown.blocks) {
      if (block.kind === 'code') finishCodeBlockElement(element, block);
      else element.classList.add('markdown-block-finished');
    }
    shown = { text: '', blocks: [] };
    // From now on the blocks read the finished message's text, and nothing holds the stream's own.
    lastText = text;
    openTokens = [];
    splitter = createMarkdownBlockSplitter();
    finalised = true;
    lastStreaming = false;
    frozen.hold(false);
    return true;
  }

  return {
    update(text, streaming) {
      if (text === lastText && streaming === lastStreaming) return;
      if (!streaming && lastStreaming && !finalised && finishInPlace(text)) return;
      if (finalised || !text.startsWith(lastText)) reset();
      lastText = text;
      lastStreaming = streaming;
      frozen.hold(streaming);
      const split = splitter.update(text);
      for (const block of split.newlyFinished) pending.push(block);
      openTokens = streaming ? split.openTokens : [];
      if (!streaming) {
        if (split.openTail.trim().length > 0) pending.push({ start: split.openStart, end: text.length });
        finalised = true;
      }
      if (cancelSlice === null) pump();
    },
    get backlog() {
      return pending.length;
    },
    get deferred() {
      return frozen.deferred;
    },
    dispose() {
      document.removeEventListener('copy', renderSelection, true);
      cancelSlice?.();
      cancelSlice = null;
      frozen.clear();
    },
  };
}
