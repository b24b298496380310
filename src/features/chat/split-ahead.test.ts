import { describe, expect, it } from 'vitest';
import { buildMarkdownReply } from '../../../e2e/mock-provider/reply-content';
import { createMarkdownBlockSplitter, FIND_BLOCKS_FROM_CHARACTERS, type MarkdownLexer } from './markdown-blocks';
import { lexMarkdown, lexMarkdownBlocks } from './render-markdown';
import { claimSplitAhead, startSplitAhead } from './split-ahead';

/** Idle callbacks run by hand: `runIdle` runs the one waiting, if any. */
function manualIdle() {
  let waiting: (() => void) | null = null;
  const scheduler = {
    idle(task: (timeLeft: () => number) => void) {
      waiting = () => task(() => 50);
      return () => (waiting = null);
    },
  };
  return { scheduler, runIdle: () => { const task = waiting; waiting = null; task?.(); return task !== null; } };
}

const reply = buildMarkdownReply(4000);

function countingSplitter() {
  const lexed = { characters: 0 };
  const counting = (lexer: MarkdownLexer): MarkdownLexer => (source) => {
    lexed.characters += source.length;
    return lexer(source);
  };
  return { lexed, splitter: createMarkdownBlockSplitter(counting(lexMarkdown), counting(lexMarkdownBlocks)) };
}

/** The reply as a stream brings it: pieces of about a worker message at full speed. */
function pushAll(push: (delta: string) => void, text = reply, step = 1500): void {
  for (let start = 0; start < text.length; start += step) push(text.slice(start, start + step));
}

describe('split-ahead', () => {
  it('splits the text that has come when the page is idle, so the update that shows it lexes only the last stretch', () => {
    const { lexed, splitter } = countingSplitter();
    const { scheduler, runIdle } = manualIdle();
    const ahead = startSplitAhead('reply-1', splitter, scheduler);
    // Idle between the pieces, as the page mostly is while it waits for its next update.
    pushAll((delta) => {
      ahead.push(delta);
      runIdle();
    });
    const claimed = claimSplitAhead('reply-1');
    expect(claimed).toBe(splitter);
    lexed.characters = 0;
    const split = claimed?.update(reply);
    expect(lexed.characters).toBeLessThan(2 * FIND_BLOCKS_FROM_CHARACTERS + 1500);
    expect(split).toEqual(createMarkdownBlockSplitter().update(reply));
    ahead.end();
  });

  it('splits nothing in the push itself: with no idle moment the update splits it all, as before', () => {
    const { lexed, splitter } = countingSplitter();
    const { scheduler } = manualIdle();
    const ahead = startSplitAhead('reply-4', splitter, scheduler);
    pushAll(ahead.push);
    expect(lexed.characters).toBe(0);
    expect(claimSplitAhead('reply-4')?.update(reply)).toEqual(createMarkdownBlockSplitter().update(reply));
    ahead.end();
  });

  it('hands the splitter out once: a renderer created again for the reply splits on its own', () => {
    const ahead = startSplitAhead('reply-2');
    expect(claimSplitAhead('reply-2')).toBeDefined();
    expect(claimSplitAhead('reply-2')).toBeUndefined();
    expect(claimSplitAhead('another reply')).toBeUndefined();
    ahead.end();
  });

  it('stops at the end of the reply: nothing more is split, and its splitter is no longer handed out', () => {
    const { lexed, splitter } = countingSplitter();
    const { scheduler, runIdle } = manualIdle();
    const ahead = startSplitAhead('reply-3', splitter, scheduler);
    ahead.push(reply);
    ahead.end();
    expect(runIdle()).toBe(false);
    expect(claimSplitAhead('reply-3')).toBeUndefined();
    pushAll(ahead.push);
    runIdle();
    expect(lexed.characters).toBe(0);
  });
});
