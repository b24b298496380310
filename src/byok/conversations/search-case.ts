// Search compares lower-cased text, and the search record keeps it lower-cased so a search never
// lower-cases megabytes (performance.md B7). Snippets must still show what was written, so each
// text carries "case runs": where its lower-case form differs from the original, the original
// characters. That is a few bytes per capital letter, read only for the snippets shown. Runs are
// one string, "<gap><characters>" repeated ("0T3QUICK"): the gap counts lower-case code units since
// the previous run, in ASCII digits, and a run never holds a digit (digits have no case), so the
// search records (read in full by the first search) grow as little as possible.
//
// Lower-casing can change a text's length (Turkish "İ" becomes "i" + U+0307), so offsets in the
// lower-case text are mapped back character by character, never reused as they are.
import type { CaseRuns } from './conversation-records';

/** Lower-case text (exactly String#toLowerCase) and the runs that restore the original. */
export function foldCase(original: string): { lower: string; runs: CaseRuns } {
  const lower = original.toLowerCase();
  if (lower === original) return { lower, runs: '' };
  let runs = '';
  let lowerAt = 0;
  let previousEnd = 0;
  let run = { start: 0, end: 0, text: '' };
  const flush = () => {
    if (run.text === '') return;
    runs += `${run.start - previousEnd}${run.text}`;
    previousEnd = run.end;
  };
  for (const char of original) {
    // The whole-string result is cut per character: lengths match it (final sigma keeps one unit).
    const length = char.toLowerCase().length;
    if (lower.slice(lowerAt, lowerAt + length) !== char) {
      if (run.text !== '' && run.end === lowerAt) run = { start: run.start, end: lowerAt + length, text: run.text + char };
      else {
        flush();
        run = { start: lowerAt, end: lowerAt + length, text: char };
      }
    }
    lowerAt += length;
  }
  flush();
  // Never expected; but runs that would not line up are worse than a lower-case snippet.
  return { lower, runs: lowerAt === lower.length ? runs : '' };
}

function lowerLengthOf(original: string): number {
  let length = 0;
  for (const char of original) length += char.toLowerCase().length;
  return length;
}

/** One run in both texts: [lowerStart, lowerEnd) of the lower-case text is `original`. */
interface Run {
  lowerStart: number;
  lowerEnd: number;
  originalStart: number;
  original: string;
}

const RUN = /(\d+)(\D+)/y;

function readRuns(runs: unknown): Run[] {
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
    const lowerEnd = lowerStart + lowerLengthOf(original);
    read.push({ lowerStart, lowerEnd, originalStart: lowerStart + shift, original });
    shift += original.length - (lowerEnd - lowerStart);
    lowerAt = lowerEnd;
  }
  return read;
}

export interface RestoredText {
  text: string;
  /** Maps an offset of the lower-case text to the original; inside a changed character, to its start or end. */
  toOriginal(lowerOffset: number, edge: 'start' | 'end'): number;
}

/** The original text; without runs (or with unusable ones) the lower-case text itself. */
export function restoreCase(lower: string, runs: unknown): RestoredText {
  const read = readRuns(runs);
  if (read.length === 0 || (read[read.length - 1]?.lowerEnd ?? 0) > lower.length) return { text: lower, toOriginal: (offset) => offset };
  let text = '';
  let lowerAt = 0;
  for (const run of read) {
    text += lower.slice(lowerAt, run.lowerStart) + run.original;
    lowerAt = run.lowerEnd;
  }
  text += lower.slice(lowerAt);
  return { text, toOriginal: (offset, edge) => mapOffset(read, offset, edge) };
}

function mapOffset(runs: Run[], offset: number, edge: 'start' | 'end'): number {
  let shift = 0;
  for (const run of runs) {
    if (offset <= run.lowerStart) break;
    if (offset >= run.lowerEnd) {
      shift = run.originalStart + run.original.length - run.lowerEnd;
      continue;
    }
    return offsetInsideRun(run, offset, edge);
  }
  return offset + shift;
}

/** Walks the run's characters; an offset inside one character's lower-case form snaps to its edge. */
function offsetInsideRun(run: Run, offset: number, edge: 'start' | 'end'): number {
  let lowerAt = run.lowerStart;
  let originalAt = run.originalStart;
  for (const char of run.original) {
    const lowerEnd = lowerAt + char.toLowerCase().length;
    if (offset === lowerAt) return originalAt;
    if (offset < lowerEnd) return edge === 'start' ? originalAt : originalAt + char.length;
    lowerAt = lowerEnd;
    originalAt += char.length;
  }
  return originalAt;
}
