// Search works on one small encrypted record per conversation (title + finished message text,
// lower-cased once on write) so searching 1,000 conversations decrypts 1,000 records, not 50,000
// messages (performance.md B7). Images are left out: they are large and not text.
import type { MessageContent } from '../types';
import type { SearchText } from './conversation-records';
import type { StoredMessage } from './conversation-types';

export function normaliseForSearch(text: string): string {
  return text.toLowerCase();
}

export function extractContentText(content: MessageContent): string {
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' ? part.text : '')).filter((text) => text !== '').join('\n');
}

/** Streaming messages are left out until they finish, so a reply in flight never rewrites this record (B9). */
export function isSearchable(message: StoredMessage): boolean {
  return message.status !== 'streaming';
}

/** Built in one pass (import, repair), rather than one putSearchEntry per message. */
export function createSearchText(title: string, messages: StoredMessage[]): SearchText {
  const entries: Array<[number, string]> = [];
  for (const message of messages) {
    const text = isSearchable(message) ? normaliseForSearch(extractContentText(message.content)) : '';
    if (text !== '') entries.push([message.sequence, text]);
  }
  return { title: normaliseForSearch(title), entries: entries.sort((left, right) => left[0] - right[0]) };
}

/** A copy with the message's text at its sequence (kept sorted), replacing any earlier text there. */
export function putSearchEntry(searchText: SearchText, message: StoredMessage): SearchText {
  const entries = searchText.entries.filter(([sequence]) => sequence !== message.sequence);
  const text = normaliseForSearch(extractContentText(message.content));
  if (text !== '') entries.push([message.sequence, text]);
  entries.sort((left, right) => left[0] - right[0]);
  return { title: searchText.title, entries };
}

export function dropSearchEntriesFrom(searchText: SearchText, fromSequence: number): SearchText {
  return { title: searchText.title, entries: searchText.entries.filter(([sequence]) => sequence < fromSequence) };
}

export function setSearchTitle(searchText: SearchText, title: string): SearchText {
  return { title: normaliseForSearch(title), entries: searchText.entries };
}

export function matchesSearch(searchText: SearchText, normalisedQuery: string): boolean {
  if (searchText.title.includes(normalisedQuery)) return true;
  return searchText.entries.some((entry) => typeof entry[1] === 'string' && entry[1].includes(normalisedQuery));
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
