import { describe, expect, it } from 'vitest';
import { buildMarkdownReply } from '../../../e2e/mock-provider/reply-content';
import { createMarkdownBlockSplitter, FIND_BLOCKS_FROM_CHARACTERS, type MarkdownLexer } from './markdown-blocks';
import { lexMarkdown, lexMarkdownBlocks } from './render-markdown';
import { claimSplitAhead, startSplitAhead } from './split-ahead';

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
  it('splits the text as it comes, so the update that shows it lexes only the last stretch', () => {
    const { lexed, splitter } = countingSplitter();
    const ahead = startSplitAhead('reply-1', splitter);
    pushAll(ahead.push);
    const claimed = claimSplitAhead('reply-1');
    expect(claimed).toBe(splitter);
    lexed.characters = 0;
    const split = claimed?.update(reply);
    expect(lexed.characters).toBeLessThan(2 * FIND_BLOCKS_FROM_CHARACTERS + 1500);
    expect(split).toEqual(createMarkdownBlockSplitter().update(reply));
    ahead.end();
  });

  it('splits nothing until a long stretch has come since the last split: short pieces cost a length check', () => {
    const { lexed, splitter } = countingSplitter();
    const ahead = startSplitAhead('reply-4', splitter);
    const short = reply.slice(0, FIND_BLOCKS_FROM_CHARACTERS - 1);
    pushAll(ahead.push, short, 100);
    expect(lexed.characters).toBe(0);
    ahead.push(reply.slice(short.length, FIND_BLOCKS_FROM_CHARACTERS + 500));
    expect(lexed.characters).toBe(FIND_BLOCKS_FROM_CHARACTERS + 500);
    pushAll(ahead.push, reply.slice(FIND_BLOCKS_FROM_CHARACTERS + 500));
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
    const ahead = startSplitAhead('reply-3', splitter);
    ahead.end();
    expect(claimSplitAhead('reply-3')).toBeUndefined();
    pushAll(ahead.push);
    expect(lexed.characters).toBe(0);
  });
});
