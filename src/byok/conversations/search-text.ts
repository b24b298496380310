// Search works on each conversation's search text (title + finished message text, folded once on
// write: lower case, accents dropped, with runs to show snippets as written: search-case.ts), kept
// in 16 encrypted shards, so searching 1,000 conversations never opens 50,000 messages (B7).
// Images are left out: they are large and not text.
import type { MessageContent } from '../types';
import { parseSearchText, type SearchText, type SharedSearchEntry, type StoredSearchEntry } from './conversation-records';
import type { StoredMessage } from './conversation-types';
import { foldForSearch, foldText, isAscii, restoreCase } from './search-case';

/** A query as the search texts hold their text: folded (search-case.ts). */
export function normaliseForSearch(text: string): string {
  return foldText(text);
}

export function extractContentText(content: MessageContent): string {
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' ? part.text : '')).filter((text) => text !== '').join('\n');
}

/** Streaming messages are left out until they finish, so a reply in flight never rewrites this record (B9). */
export function isSearchable(message: StoredMessage): boolean {
  return message.status !== 'streaming';
}

type SearchEntry = SearchText['entries'][number];

/**
 * A message's text kept as written, where folding it only lower-cases it (ASCII with capitals).
 * The session's search cache then holds the message's own string, the one the open chat shows,
 * rather than a folded copy of it (performance.md B8: a long session holds each reply's text no
 * more than it must). It is lower-cased when searched (cheap for ASCII, and the same length, so
 * offsets need no mapping) and folded as usual when stored (toJSON).
 */
export class TextAsWritten implements SharedSearchEntry {
  constructor(readonly sequence: number, readonly text: string) {}

  folded(): string {
    return this.text.toLowerCase();
  }

  toJSON(): StoredSearchEntry {
    const { lower, runs } = foldForSearch(this.text);
    return runs === '' ? [this.sequence, lower] : [this.sequence, lower, runs];
  }
}

export const sequenceOf = (entry: SearchEntry): number => (entry instanceof TextAsWritten ? entry.sequence : (entry as StoredSearchEntry)[0]);

/** An entry's folded text (what a search compares), and the runs that give the original back. */
export function foldedEntry(entry: SearchEntry): { lower: string; runs: unknown } | null {
  if (entry instanceof TextAsWritten) return { lower: entry.folded(), runs: undefined };
  const stored = entry as StoredSearchEntry;
  return typeof stored[1] === 'string' ? { lower: stored[1], runs: stored[2] } : null;
}

/** The entry for one message's text, or null when it has none; case runs only when needed. */
function createEntry(message: StoredMessage): SearchEntry | null {
  const text = extractContentText(message.content);
  if (text !== '' && isAscii(text) && text.toLowerCase() !== text) return new TextAsWritten(message.sequence, text);
  const { lower, runs } = foldForSearch(text);
  if (lower === '') return null;
  return runs === '' ? [message.sequence, lower] : [message.sequence, lower, runs];
}

const bySequence = (left: SearchEntry, right: SearchEntry): number => sequenceOf(left) - sequenceOf(right);

/** The title's fields of a search record: lower case, and its case runs when it has capitals. */
function titleFields(title: string): Pick<SearchText, 'title' | 'titleCase'> {
  const { lower, runs } = foldForSearch(title);
  return runs === '' ? { title: lower } : { title: lower, titleCase: runs };
}

function withEntries(searchText: SearchText, entries: SearchEntry[]): SearchText {
  return searchText.titleCase === undefined ? { title: searchText.title, entries } : { title: searchText.title, titleCase: searchText.titleCase, entries };
}

/** Built in one pass (import, repair), rather than one putSearchEntry per message. */
export function createSearchText(title: string, messages: StoredMessage[]): SearchText {
  const entries: SearchEntry[] = [];
  for (const message of messages) {
    const entry = isSearchable(message) ? createEntry(message) : null;
    if (entry !== null) entries.push(entry);
  }
  return { ...titleFields(title), entries: entries.sort(bySequence) };
}

/** A copy with the message's text at its sequence (kept sorted), replacing any earlier text there. */
export function putSearchEntry(searchText: SearchText, message: StoredMessage): SearchText {
  const entries = searchText.entries.filter((entry) => sequenceOf(entry) !== message.sequence);
  const entry = createEntry(message);
  if (entry !== null) entries.push(entry);
  return withEntries(searchText, entries.sort(bySequence));
}

export function dropSearchEntriesFrom(searchText: SearchText, fromSequence: number): SearchText {
  return withEntries(searchText, searchText.entries.filter((entry) => sequenceOf(entry) < fromSequence));
}

export function setSearchTitle(searchText: SearchText, title: string): SearchText {
  return { ...titleFields(title), entries: searchText.entries };
}

/**
 * A text written before accent folding (lower case only, its runs counted in lower case) folded
 * again from its original, so "cafe" finds it too. Without runs (format 1) the lower-case text is
 * folded as it is: found the same, shown in lower case as before.
 */
export function refoldSearchText(searchText: SearchText): SearchText {
  const refold = (lower: string, runs: unknown) => foldForSearch(restoreCase(lower, runs, 'lower').text);
  const entries: SearchEntry[] = [];
  for (const entry of searchText.entries) {
    if (entry instanceof TextAsWritten) {
      entries.push(entry);
      continue;
    }
    const stored = entry as StoredSearchEntry;
    if (typeof stored[1] !== 'string') continue;
    const { lower, runs } = refold(stored[1], stored[2]);
    entries.push(runs === '' ? [stored[0], lower] : [stored[0], lower, runs]);
  }
  const title = refold(searchText.title, searchText.titleCase);
  return title.runs === '' ? { title: title.lower, entries } : { title: title.lower, titleCase: title.runs, entries };
}

/** As refoldSearchText, on the JSON the search cache keeps. */
export function refoldSearchJson(json: string): string {
  return JSON.stringify(refoldSearchText(parseSearchText(json)));
}

export function matchesSearch(searchText: SearchText, normalisedQuery: string): boolean {
  if (searchText.title.includes(normalisedQuery)) return true;
  return searchText.entries.some((entry) => foldedEntry(entry)?.lower.includes(normalisedQuery) === true);
}

/**
 * A cheap test on the search record's JSON text: JSON escaping maps each character to a fixed
 * string, so text containing the query also contains the escaped query. It can say yes wrongly
 * (inside an escape, across entries) but never no wrongly, so most conversations are ruled out
 * without JSON.parse. Lone surrogates escape differently alone than in a pair: no shortcut then.
 */
export function createSearchPrefilter(normalisedQuery: string): (json: string) => boolean {
  if (/[\ud800-\udfff]/.test(normalisedQuery)) return () => true;
  const escaped = JSON.stringify(normalisedQuery).slice(1, -1);
  return (json) => json.includes(escaped);
}
