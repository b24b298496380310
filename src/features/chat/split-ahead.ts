// The Markdown blocks of a streaming reply are found while its text arrives, not in the update
// that shows it (performance.md B2, last byte → final paint). At full speed the page is updated
// about every 400 ms (delta-batcher.ts), and the update after the last byte used to split all the
// text of the last 400 ms (about 20,000 characters, a third of that update's work) before the
// reply's end could be painted. Instead, the text that has come is split when the page is idle,
// as it mostly is while it waits for its next update; that update, and the last one, then split
// only the stretch since. Not in the worker message that brings the text: the last messages come
// after the last byte, and splitting there would only move the work, not take it off that path.
//
// The turn that streams a reply (chat-turn-actions.ts) starts one per reply and feeds it every
// delta; the reply's renderer (MarkdownView) takes its splitter when it is created. A splitter is
// handed out once: a renderer created again for the same reply (a remount) splits on its own, so
// no block is ever handed on to one renderer and missed by another.
import { createMarkdownBlockSplitter, type MarkdownBlockSplitter } from './markdown-blocks';
import { browserSliceScheduler, type SliceScheduler } from './slice-scheduler';

const waiting = new Map<string, MarkdownBlockSplitter>();

export interface SplitAhead {
  /** The next piece of the reply's text. */
  push(delta: string): void;
  /** The reply is over: nothing more is split, and its splitter is no longer handed out. */
  end(): void;
}

export function startSplitAhead(
  messageId: string,
  splitter: MarkdownBlockSplitter = createMarkdownBlockSplitter(),
  scheduler: Pick<SliceScheduler, 'idle'> = browserSliceScheduler,
): SplitAhead {
  /** The reply's text so far; null once it has ended. */
  let text: string | null = '';
  let cancelIdle: (() => void) | null = null;
  waiting.set(messageId, splitter);
  const advance = (): void => {
    cancelIdle = null;
    if (text !== null) splitter.advance(text);
  };
  return {
    push(delta) {
      if (text === null) return;
      text += delta;
      cancelIdle ??= scheduler.idle(advance);
    },
    end() {
      cancelIdle?.();
      cancelIdle = null;
      text = null;
      if (waiting.get(messageId) === splitter) waiting.delete(messageId);
    },
  };
}

/** The splitter that has been splitting this reply's text as it came, once; undefined after. */
export function claimSplitAhead(messageId: string): MarkdownBlockSplitter | undefined {
  const splitter = waiting.get(messageId);
  waiting.delete(messageId);
  return splitter;
}
