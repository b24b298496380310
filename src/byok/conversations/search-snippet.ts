// The few words around a search match, for the conversation list. Cut from the decrypted search
// record already cached for the session (search-cache.ts), so it costs no extra decryption and
// exists only in memory. The record is lower-cased on write; its case runs (search-case.ts) give
// the snippet back as written, and the match's offsets are mapped onto that text.
import type { SearchText } from './conversation-records';
import { restoreCase } from './search-case';
import { foldedEntry, TextAsWritten } from './search-text';

/** Characters kept on each side of the match before cutting back to a word boundary. */
export const SNIPPET_CONTEXT = 40;
const ELLIPSIS = '…';

export interface SearchSnippet {
  /** The snippet as shown, with "…" where it was cut; whitespace runs collapsed to one space. */
  text: string;
  /** The match's offsets in `text` (UTF-16 code units, end exclusive). */
  matchStart: number;
  matchEnd: number;
}

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** Moves a cut before the match forward to the next word start, or off a surrogate pair's middle. */
function startAtWord(text: string, start: number, matchStart: number): number {
  if (start === 0 || isSpace(text[start - 1])) return start;
  for (let index = start; index < matchStart; index += 1) {
    if (isSpace(text[index])) return index + 1;
  }
  // One long word (or a script without spaces): cut inside it, but never inside a character.
  return isLowSurrogate(text.charCodeAt(start)) ? start + 1 : start;
}

/** Moves a cut after the match back to the last word end, or off a surrogate pair's middle. */
function endAtWord(text: string, end: number, matchEnd: number): number {
  if (end === text.length || isSpace(text[end])) return end;
  for (let index = end - 1; index >= matchEnd; index -= 1) {
    if (isSpace(text[index])) return index;
  }
  return isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end;
}

const collapse = (part: string): string => part.replace(/\s+/g, ' ');

/** The snippet around `text.slice(matchStart, matchEnd)`, about `context` characters each side. */
export function cutSnippet(text: string, matchStart: number, matchEnd: number, context = SNIPPET_CONTEXT): SearchSnippet {
  const start = startAtWord(text, Math.max(0, matchStart - context), matchStart);
  const end = endAtWord(text, Math.min(text.length, matchEnd + context), matchEnd);
  const before = (start > 0 ? ELLIPSIS : '') + collapse(text.slice(start, matchStart)).trimStart();
  const match = collapse(text.slice(matchStart, matchEnd));
  const after = collapse(text.slice(matchEnd, end)).trimEnd() + (end < text.length ? ELLIPSIS : '');
  return { text: before + match + after, matchStart: before.length, matchEnd: before.length + match.length };
}

/**
 * The snippet around the first `normalisedQuery` in `lower`, in the original case; null if absent.
 * `asWritten`: the original itself, lower-cased letter for letter (TextAsWritten), so offsets carry over.
 */
function snippetIn(lower: string, caseRuns: unknown, normalisedQuery: string, asWritten?: string): SearchSnippet | null {
  const at = lower.indexOf(normalisedQuery);
  if (at < 0) return null;
  if (asWritten !== undefined) return cutSnippet(asWritten, at, at + normalisedQuery.length);
  const restored = restoreCase(lower, caseRuns);
  return cutSnippet(restored.text, restored.toOriginal(at, 'start'), restored.toOriginal(at + normalisedQuery.length, 'end'));
}

/**
 * The snippet for the first message containing `normalisedQuery` (already lower-cased, as the
 * record is), or the title when only the title matches; null when nothing matches.
 */
export function findSearchSnippet(searchText: SearchText, normalisedQuery: string): SearchSnippet | null {
  if (normalisedQuery === '') return null;
  for (const entry of searchText.entries) {
    const folded = foldedEntry(entry);
    if (folded === null) continue;
    const snippet = snippetIn(folded.lower, folded.runs, normalisedQuery, entry instanceof TextAsWritten ? entry.text : undefined);
    if (snippet !== null) return snippet;
  }
  return snippetIn(searchText.title, searchText.titleCase, normalisedQuery);
}
