// Search compares folded text: lower case, without accents or other diacritics, so "cafe" finds
// "Café", "izmir" finds "İZMİR" and "strasse" finds "Straße" (foldChar). The search record keeps
// the text folded so a search never folds megabytes (performance.md B7). Snippets must still show
// what was written, so each text carries "runs": where its folded form differs from the original,
// the original characters. That is a few bytes per capital or accented letter, read only for the
// snippets shown. Runs are one string, "<gap><characters>" repeated ("0T3QUICK"): the gap counts
// folded code units since the previous run, in ASCII digits, and a run never holds an ASCII digit
// (folding never changes one), so the search records grow as little as possible.
//
// Folding can change a text's length ("ß" becomes "ss", a combining accent disappears), so offsets
// in the folded text are mapped back character by character, never reused as they are. Folding
// works per character, the same way for the text and for the query, so they always agree.
import type { CaseRuns } from './conversation-records';

/** Combining diacritical marks (and their supplements and half marks) that folding drops after NFD. */
const DIACRITIC_RANGES: ReadonlyArray<readonly [number, number]> = [[0x300, 0x36f], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f]];
const isDiacritic = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return DIACRITIC_RANGES.some(([from, to]) => code >= from && code <= to);
};
/** Letters that are not a base letter plus a mark in Unicode, folded as people type them. */
const LETTERS: Readonly<Record<string, string>> = { ß: 'ss', ı: 'i', ø: 'o', đ: 'd', ł: 'l', ħ: 'h', æ: 'ae', œ: 'oe', ς: 'σ' };
export const isAscii = (text: string): boolean => {
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) > 0x7f) return false;
  return true;
};
const folds = new Map<string, string>();

/** One character (code point) folded: lower case, decomposed, marks dropped, recomposed (Hangul stays whole). */
export function foldChar(char: string): string {
  if (char.length === 1 && char.charCodeAt(0) < 0x80) return char.toLowerCase();
  let folded = folds.get(char);
  if (folded === undefined) {
    let base = '';
    for (const part of char.toLowerCase().normalize('NFD')) if (!isDiacritic(part)) base += LETTERS[part] ?? part;
    folded = base.normalize('NFC');
    folds.set(char, folded);
  }
  return folded;
}

/** The folded form of a query or a text, without runs. */
export function foldText(text: string): string {
  if (isAscii(text)) return text.toLowerCase();
  let folded = '';
  for (const char of text) folded += foldChar(char);
  return folded;
}

/** Folded text and the runs that restore the original. */
export function foldForSearch(original: string): { lower: string; runs: CaseRuns } {
  if (isAscii(original)) {
    const lower = original.toLowerCase();
    if (lower === original) return { lower, runs: '' };
  }
  let lower = '';
  let runs = '';
  let previousEnd = 0;
  let run = { start: 0, end: 0, text: '' };
  for (const char of original) {
    const folded = foldChar(char);
    if (folded !== char) {
      if (run.text !== '' && run.end === lower.length) run.text += char;
      else {
        if (run.text !== '') runs += `${run.start - previousEnd}${run.text}`;
        previousEnd = run.text === '' ? previousEnd : run.end;
        run = { start: lower.length, end: 0, text: char };
      }
      run.end = lower.length + folded.length;
    }
    lower += folded;
  }
  if (run.text !== '') runs += `${run.start - previousEnd}${run.text}`;
  return { lower, runs };
}

/**
 * How a record's text was folded: 'fold' (foldChar, search format 3 with fold version 1) or
 * 'lower' (String#toLowerCase per character, every record written before accent folding).
 */
export type Folding = 'fold' | 'lower';
const FOLDERS: Record<Folding, (char: string) => string> = { fold: foldChar, lower: (char) => char.toLowerCase() };

function foldedLengthOf(original: string, fold: (char: string) => string): number {
  let length = 0;
  for (const char of original) length += fold(char).length;
  return length;
}

/** One run in both texts: [lowerStart, lowerEnd) of the folded text is `original`. */
interface Run {
  lowerStart: number;
  lowerEnd: number;
  originalStart: number;
  original: string;
}

const RUN = /(\d+)(\D+)/y;

function readRuns(runs: unknown, fold: (char: string) => string): Run[] {
  const read: Run[] = [];
  if (typeof runs !== 'string') return read;
  let lowerAt = 0;
  let shift = 0;
  RUN.lastIndex = 0;
  while (RUN.lastIndex < runs.length) {
    const match = RUN.exec(runs);
    // The record is authenticated, so this only guards against a bug: ignore what cannot be used.
    if (match === null) return [];
    const lowerStart = lowerAt + Number(match[1]);
    const original = match[2] ?? '';
    const lowerEnd = lowerStart + foldedLengthOf(original, fold);
    read.push({ lowerStart, lowerEnd, originalStart: lowerStart + shift, original });
    shift += original.length - (lowerEnd - lowerStart);
    lowerAt = lowerEnd;
  }
  return read;
}

export interface RestoredText {
  text: string;
  /** Maps an offset of the folded text to the original; inside a changed character, to its start or end. */
  toOriginal(lowerOffset: number, edge: 'start' | 'end'): number;
}

/** The original text; without runs (or with unusable ones) the folded text itself. */
export function restoreCase(lower: string, runs: unknown, folding: Folding = 'fold'): RestoredText {
  const fold = FOLDERS[folding];
  const read = readRuns(runs, fold);
  if (read.length === 0 || (read[read.length - 1]?.lowerEnd ?? 0) > lower.length) return { text: lower, toOriginal: (offset) => offset };
  let text = '';
  let lowerAt = 0;
  for (const run of read) {
    text += lower.slice(lowerAt, run.lowerStart) + run.original;
    lowerAt = run.lowerEnd;
  }
  text += lower.slice(lowerAt);
  return { text, toOriginal: (offset, edge) => mapOffset(read, offset, edge, fold) };
}

function mapOffset(runs: Run[], offset: number, edge: 'start' | 'end', fold: (char: string) => string): number {
  let shift = 0;
  for (const run of runs) {
    if (offset < run.lowerStart) break;
    if (offset <= run.lowerEnd) return offsetInsideRun(run, offset, edge, fold);
    shift = run.originalStart + run.original.length - run.lowerEnd;
  }
  return offset + shift;
}

/**
 * Walks the run's characters; an offset inside one character's folded form snaps to its start or
 * end. Characters that fold to nothing (a combining accent) stay with the letter before them.
 */
function offsetInsideRun(run: Run, offset: number, edge: 'start' | 'end', fold: (char: string) => string): number {
  let lowerAt = run.lowerStart;
  let originalAt = run.originalStart;
  for (const char of run.original) {
    const lowerEnd = lowerAt + fold(char).length;
    if (offset === lowerAt && lowerEnd > lowerAt) return originalAt;
    if (offset < lowerEnd) return edge === 'start' ? originalAt : originalAt + char.length;
    lowerAt = lowerEnd;
    originalAt += char.length;
  }
  return originalAt;
}
