// The Markdown blocks of a streaming reply are found while its text arrives, not in the update
// that shows it (performance.md B2, last byte → final paint). At full speed the page is updated
// about every 400 ms (delta-batcher.ts), and the update after the last byte used to split all the
// text of the last 400 ms (about 20,000 characters, a third of that update's work) before the
// reply's end could be painted. Instead, the text is split as it comes, in the worker message that
// brings it, once a long stretch (FIND_BLOCKS_FROM_CHARACTERS) has come since the last split; the
// update then splits only the stretch since. The worker hands a long network read on in steps
// (run-provider-stream.ts OUTPUTS_PER_STEP), so even at the end only the last step is left.
// Splitting waited for idle moments before; a busy page (the periodic update, a frame) then left
// up to 15,000 characters to the update after the last byte.
//
// The turn that streams a reply (chat-turn-actions.ts) starts one per reply and feeds it every
// delta; the reply's renderer (MarkdownView) takes its splitter when it is created. A splitter is
// handed out once: a renderer created again for the same reply (a remount) splits on its own, so
// no block is ever handed on to one renderer and missed by another.
import { createMarkdownBlockSplitter, type MarkdownBlockSplitter } from './markdown-blocks';

const waiting = new Map<string, MarkdownBlockSplitter>();

export interface SplitAhead {
  /** The next piece of the reply's text. */
  push(delta: string): void;
  /** The reply is over: nothing more is split, and its splitter is no longer handed out. */
  end(): void;
}

export function startSplitAhead(messageId: string, splitter: MarkdownBlockSplitter = createMarkdownBlockSplitter()): SplitAhead {
  /** The reply's text so far; null once it has ended. */
  let text: string | null = '';
  waiting.set(messageId, splitter);
  return {
    push(delta) {
      if (text === null) return;
      text += delta;
      // Returns at once unless a long stretch has come since the last split (markdown-blocks.ts).
      splitter.advance(text);
    },
    end() {
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
