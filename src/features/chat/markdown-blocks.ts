// Splits a streaming Markdown reply into finished blocks and the open tail (performance.md B2, B3).
// Only the open tail is ever lexed: once a block is followed by another, it can no longer change,
// so it is frozen and its text is never looked at again. The work per delta therefore depends on
// the size of the open block, not on the length of the reply. Where the blocks end is found with
// block tokens only (no inline lexing); only the block still open is lexed in full, for display.
import type { Token, TokensList } from 'marked';
import { lexMarkdown, lexMarkdownBlocks } from './render-markdown';

/**
 * A finished block as its place in the whole text, not a copy of it: the text is held once, by
 * the store, and a long session's heap grows by little more than that (performance.md B8). Read
 * it with `blockSource`.
 */
export interface MarkdownBlock {
  /** Offset of its first character in the whole text (stable for the life of the reply). */
  start: number;
  /** Offset just after its last character. */
  end: number;
}

export interface MarkdownSplit {
  /** Blocks this update finished (each block is handed on once; the splitter keeps none). */
  newlyFinished: MarkdownBlock[];
  /** Text of the block still being written (may be empty). */
  openTail: string;
  /** Where the open tail starts in the whole text. */
  openStart: number;
  /** The open tail's tokens, so the renderer does not lex it a second time. */
  openTokens: Token[];
}

export type MarkdownLexer = (source: string) => TokensList | Token[];

// The renderer's own lexer, so its extensions (math) see the streaming text as well.
const lexWithMarked: MarkdownLexer = (source) => lexMarkdown(source);
const blocksWithMarked: MarkdownLexer = (source) => lexMarkdownBlocks(source);

export interface MarkdownBlockSplitter {
  /** Takes the whole text so far (it only ever grows) and returns what changed. */
  update(text: string): MarkdownSplit;
  /**
   * Finds the blocks already finished in `text`, which may run ahead of what `update` has been
   * given (the text of the next update, as it arrives), and keeps them for `update`: that then has
   * only the last stretch left to split (performance.md B2, last byte → final paint). Does nothing
   * until a long stretch has come since the last split, so a long open block is not lexed over and
   * over.
   */
  advance(text: string): void;
}

/** Index of the last token that is not blank space; -1 when there is none. */
function findLastContentToken(tokens: Token[]): number {
  for (let index = tokens.length - 1; index >= 0; index -= 1) if (tokens[index]?.type !== 'space') return index;
  return -1;
}

/**
 * A copy of a piece of a long string that does not keep the long string alive. A slice of a long
 * string is a view onto it in V8; what is rendered from a block may live as long as the reply is
 * on screen (a code block's copy button holds its code), and each streaming update's text is a
 * different string, so views kept every update's whole text alive: about 0.5 MB per 10,000-token
 * reply (performance.md B8). Joining forces a new flat string; what is sliced from it holds only that.
 */
export function detachString(piece: string): string {
  return `${piece} `.slice(0, -1);
}

/** A block's Markdown source, as a string of its own (see detachString). */
export function blockSource(text: string, block: MarkdownBlock): string {
  return detachString(text.slice(block.start, block.end));
}

/**
 * A tail at least this long is split with block tokens first (several blocks arrived at once: a
 * full-speed stream); a shorter one, mostly the open block, is simply lexed in full once.
 */
export const FIND_BLOCKS_FROM_CHARACTERS = 2000;

/**
 * `lex` lexes the open block in full; `findBlocks` needs only find where blocks end (the same
 * block tokens without their inline contents will do).
 */
export function createMarkdownBlockSplitter(
  lex: MarkdownLexer = lexWithMarked,
  findBlocks: MarkdownLexer = lex === lexWithMarked ? blocksWithMarked : lex,
): MarkdownBlockSplitter {
  /** Where the text not yet split starts (blocks before it are finished, found by update or advance). */
  let openStart = 0;
  /** The longest text seen, by update or advance. */
  let seen = '';
  /** Blocks advance found that update has not handed on yet, in order, all before openStart. */
  let ahead: MarkdownBlock[] = [];
  /** Where the text update has not handed on starts: openStart when `ahead` is empty. */
  let handedOnTo = 0;
  /** How long the text was when advance last split it. */
  let advancedAt = 0;

  /** Freezes every block of `tokens` (lexed from `tail`, at openStart) but the last; returns the rest. */
  function freeze(tail: string, tokens: Token[], into: MarkdownBlock[]): { tail: string; tokens: Token[] } {
    const lastContent = findLastContentToken(tokens);
    let consumed = 0;
    let frozenCount = 0;
    for (; frozenCount < lastContent; frozenCount += 1) {
      const token = tokens[frozenCount] as Token;
      // Tokens whose raw text does not line up with the source (a normalised line ending) end
      // the freezing here; the rest simply stays open a little longer.
      if (!tail.startsWith(token.raw, consumed)) break;
      if (token.type !== 'space') into.push({ start: openStart + consumed, end: openStart + consumed + token.raw.length });
      consumed += token.raw.length;
    }
    if (consumed === 0) return { tail, tokens };
    openStart += consumed;
    return { tail: tail.slice(consumed), tokens: tokens.slice(frozenCount) };
  }

  /** A text that neither extends nor is part of the last one (a regenerate, an edit) starts over. */
  function see(text: string): void {
    if (text.startsWith(seen)) seen = text;
    else if (!seen.startsWith(text)) [seen, openStart, handedOnTo, ahead, advancedAt] = [text, 0, 0, [], 0];
  }

  /** Hands on what advance found, as far as `text` reaches; the rest is found again by update. */
  function takeAhead(text: string): MarkdownBlock[] {
    const taken = openStart <= text.length ? ahead : ahead.filter((block) => block.end <= text.length);
    if (taken.length < ahead.length) openStart = taken.at(-1)?.end ?? handedOnTo;
    ahead = [];
    return taken;
  }

  return {
    update(text) {
      see(text);
      const newlyFinished = takeAhead(text);
      const whole = text.slice(openStart);
      const blocksOnly = findBlocks !== lex && whole.length >= FIND_BLOCKS_FROM_CHARACTERS;
      const { tail, tokens } = freeze(whole, [...(blocksOnly ? findBlocks(whole) : lex(whole))], newlyFinished);
      handedOnTo = openStart;
      const openTokens = !blocksOnly || tail.length === 0 ? tokens : [...lex(tail)];
      return { newlyFinished, openTail: tail, openStart, openTokens };
    },
    advance(text) {
      // The length first: comparing the texts costs a pass over them, and most calls stop here.
      if (text.length - Math.max(openStart, advancedAt) < FIND_BLOCKS_FROM_CHARACTERS) return;
      see(text);
      if (seen !== text) return;
      advancedAt = text.length;
      const whole = text.slice(openStart);
      freeze(whole, [...findBlocks(whole)], ahead);
    },
  };
}

/** The whole text at once (a finished message loaded from storage). */
export function splitFinishedMarkdown(text: string, lex: MarkdownLexer = lexWithMarked): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let offset = 0;
  for (const token of lex(text)) {
    if (token.type !== 'space') blocks.push({ start: offset, end: offset + token.raw.length });
    offset += token.raw.length;
  }
  return blocks;
}
