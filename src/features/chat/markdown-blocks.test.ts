import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { buildMarkdownReply } from '../../../e2e/mock-provider/reply-content';
import { lexMarkdown, lexMarkdownBlocks } from './render-markdown';
import { blockSource, createMarkdownBlockSplitter, FIND_BLOCKS_FROM_CHARACTERS, detachString, splitFinishedMarkdown, type MarkdownBlock, type MarkdownBlockSplitter, type MarkdownLexer } from './markdown-blocks';

const lex: MarkdownLexer = (source) => new Lexer({ gfm: true }).lex(source);

/** The splitter with every block it finished so far collected, as the renderer mounts them. */
function collecting(splitter: MarkdownBlockSplitter) {
  const finished: MarkdownBlock[] = [];
  return (text: string) => {
    const split = splitter.update(text);
    finished.push(...split.newlyFinished);
    return { ...split, finished: [...finished], sources: finished.map((block) => blockSource(text, block)) };
  };
}

/** Feeds `text` in slices of `step` characters, as a stream would. */
function stream(text: string, step: number, lexer: MarkdownLexer = lex) {
  const update = collecting(createMarkdownBlockSplitter(lexer));
  let split = update('');
  for (let end = step; end < text.length + step; end += step) split = update(text.slice(0, Math.min(end, text.length)));
  return split;
}

describe('createMarkdownBlockSplitter', () => {
  it('finds where blocks end from block tokens alone in a long tail, and then lexes in full only the block still open', () => {
    const reply = buildMarkdownReply(2500);
    // Steps of a full-speed stream (several blocks per update) and of a paced one.
    for (const step of [2400, 37]) {
      const lexedInFull: string[] = [];
      const full: MarkdownLexer = (source) => {
        lexedInFull.push(source);
        return lexMarkdown(source);
      };
      const splitter = createMarkdownBlockSplitter(full, lexMarkdownBlocks);
      const lexingAll = createMarkdownBlockSplitter(lexMarkdown, lexMarkdown);
      let openStart = 0;
      for (let end = step; end < reply.length + step; end += step) {
        const text = reply.slice(0, Math.min(end, reply.length));
        const tail = text.slice(openStart);
        lexedInFull.length = 0;
        const split = splitter.update(text);
        const expected = lexingAll.update(text);
        expect(split.newlyFinished).toEqual(expected.newlyFinished);
        expect(split.openTail).toBe(expected.openTail);
        expect(split.openTokens).toEqual(expected.openTokens);
        // A long tail: block tokens first, then the open block alone in full; a short one in full, once.
        const blocksFirst = tail.length >= FIND_BLOCKS_FROM_CHARACTERS;
        expect(lexedInFull).toEqual(blocksFirst ? (split.openTail === '' ? [] : [split.openTail]) : [tail]);
        openStart = split.openStart;
      }
    }
  });

  it('freezes a block once the next one has begun, hands each on once, and keeps the last one open', () => {
    const splitter = createMarkdownBlockSplitter(lex);
    const first = '# Title\n\nFirst par';
    expect(splitter.update(first).newlyFinished.map((block) => blockSource(first, block).trim())).toEqual(['# Title']);
    const second = '# Title\n\nFirst paragraph.\n\nSecond';
    const split = splitter.update(second);
    expect(split.newlyFinished.map((block) => blockSource(second, block).trim())).toEqual(['First paragraph.']);
    expect(split.openTail.trim()).toBe('Second');
  });

  it('keeps an unclosed code fence open, blank lines included', () => {
    const split = stream('Intro\n\n```ts\nconst a = 1;\n\nconst b = 2;\n', 3);
    expect(split.sources.map((source) => source.trim())).toEqual(['Intro']);
    expect(split.openTail).toContain('const b = 2;');
    expect(split.openTokens[0]?.type).toBe('code');
  });

  it('ends with the same blocks as lexing the whole text at once', () => {
    const text = '# A\n\nPara with **bold**.\n\n- one\n- two\n\n```js\nx()\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n\nLast line';
    for (const step of [1, 2, 7, 40]) {
      const split = stream(text, step);
      const streamed = [...split.sources, split.openTail].join('').replace(/\n+/g, '\n');
      const whole = splitFinishedMarkdown(text).map((block) => blockSource(text, block)).join('').replace(/\n+/g, '\n');
      expect(streamed).toBe(whole);
    }
  });

  it('keeps blocks as their place in the text, which stays valid as the text grows', () => {
    const update = collecting(createMarkdownBlockSplitter(lex));
    const first = update('One.\n\nTwo.\n\nThr');
    const second = update('One.\n\nTwo.\n\nThree.\n\nFour');
    expect(second.finished.slice(0, first.finished.length)).toEqual(first.finished);
    expect(second.finished).toEqual([{ start: 0, end: 4 }, { start: 6, end: 10 }, { start: 12, end: 18 }]);
    expect(second.sources).toEqual(['One.', 'Two.', 'Three.']);
    expect(second.openStart).toBe(20);
  });

  it('does constant work per delta: the lexer only ever sees the open tail', () => {
    const seen: number[] = [];
    const countingLexer: MarkdownLexer = (source) => { seen.push(source.length); return lex(source); };
    const paragraph = 'A short paragraph of about sixty characters, give or take.\n\n';
    stream(paragraph.repeat(400), 5, countingLexer);
    const longest = Math.max(...seen);
    expect(longest).toBeLessThan(paragraph.length * 2 + 5);
    const early = seen.slice(10, 60).reduce((sum, length) => sum + length, 0);
    const late = seen.slice(-50).reduce((sum, length) => sum + length, 0);
    expect(late / early).toBeLessThan(1.6);
  });

  it('starts over when the text is replaced rather than extended', () => {
    const splitter = createMarkdownBlockSplitter(lex);
    splitter.update('Old one.\n\nOld two.\n\nx');
    const split = splitter.update('New');
    expect(split.newlyFinished).toEqual([]);
    expect(split.openTail).toBe('New');
  });
});

describe('MarkdownBlockSplitter.advance', () => {
  const reply = buildMarkdownReply(4000);

  /** Text arriving `step` characters at a time: advance on each arrival, update on every third and at the end. */
  function streamAhead(step: number, splitter: MarkdownBlockSplitter, advancing: boolean) {
    const updates: Array<ReturnType<MarkdownBlockSplitter['update']>> = [];
    for (let end = step, arrival = 1; end < reply.length + step; end += step, arrival += 1) {
      const text = reply.slice(0, Math.min(end, reply.length));
      if (advancing) splitter.advance(text);
      if (arrival % 3 === 0 || text.length === reply.length) updates.push(splitter.update(text));
    }
    return updates;
  }

  it('hands on, update by update, exactly what a splitter that never ran ahead hands on', () => {
    for (const step of [37, 700, 2400, 9000]) {
      const ahead = streamAhead(step, createMarkdownBlockSplitter(), true);
      const plain = streamAhead(step, createMarkdownBlockSplitter(), false);
      expect(ahead).toEqual(plain);
    }
  });

  it('leaves update only the stretch since the last advance to lex', () => {
    const lexed = { characters: 0 };
    const counting = (lexer: MarkdownLexer): MarkdownLexer => (source) => {
      lexed.characters += source.length;
      return lexer(source);
    };
    const splitter = createMarkdownBlockSplitter(counting(lexMarkdown), counting(lexMarkdownBlocks));
    for (let end = 1500; end < reply.length; end += 1500) splitter.advance(reply.slice(0, end));
    lexed.characters = 0;
    const split = splitter.update(reply);
    // Without advance the whole reply (about 17,000 characters) would be lexed here.
    expect(reply.length).toBeGreaterThan(15_000);
    expect(lexed.characters).toBeLessThan(2 * FIND_BLOCKS_FROM_CHARACTERS + 1500);
    expect([...split.newlyFinished, { start: split.openStart, end: reply.length }].map((block) => blockSource(reply, block).trim()))
      .toEqual(splitFinishedMarkdown(reply).map((block) => blockSource(reply, block).trim()));
  });

  it('gives an update behind the text it ran ahead on only the blocks within the shorter text', () => {
    const behind = reply.slice(0, 6000);
    const splitter = createMarkdownBlockSplitter();
    splitter.advance(reply);
    const plain = createMarkdownBlockSplitter();
    expect(splitter.update(behind)).toEqual(plain.update(behind));
    expect(splitter.update(reply)).toEqual(plain.update(reply));
  });

  it('starts over when the text it is given is not the text it ran ahead on', () => {
    const splitter = createMarkdownBlockSplitter();
    splitter.advance(reply);
    const other = `# Another reply\n\n${reply.slice(0, 5000)}`;
    expect(splitter.update(other)).toEqual(createMarkdownBlockSplitter().update(other));
  });
});

describe('detachString', () => {
  // Measured, not assumed: a V8 slice of a long string keeps all of it alive, a detached piece not.
  it('keeps a piece without keeping the long string it came from alive', () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    // In a function of its own, so no interpreter register still holds a long string afterwards.
    const cutPieces = (cut: (piece: string) => string): string[] => {
      const pieces: string[] = [];
      // A fresh 4 MB string each time, as each streaming update's text is a new string.
      for (let copy = 0; copy < 4; copy += 1) pieces.push(cut(`${copy}${'abcdefghij'.repeat(400_000)}`.slice(1000, 1100)));
      return pieces;
    };
    const retainedBy = (cut: (piece: string) => string): number => {
      collectGarbage();
      const before = process.memoryUsage().heapUsed;
      const pieces = cutPieces(cut);
      collectGarbage();
      const retained = process.memoryUsage().heapUsed - before;
      expect(pieces.join('')).toHaveLength(400);
      return retained;
    };
    expect(retainedBy((piece) => piece)).toBeGreaterThan(8_000_000);
    expect(retainedBy(detachString)).toBeLessThan(2_000_000);
  });
});
