// Snippets for the conversation list: the words around the first match, cut at word boundaries.
import { describe, expect, it } from 'vitest';
import { cutSnippet, findSearchSnippet, SNIPPET_CONTEXT } from './search-snippet';
import { createSearchText, normaliseForSearch, refoldSearchText } from './search-text';
import { createMessage } from './conversation-test-fixtures';

function snippetFor(title: string, texts: string[], query: string) {
  const messages = texts.map((content, sequence) => createMessage('c', sequence, { content }));
  return findSearchSnippet(createSearchText(title, messages), normaliseForSearch(query));
}

function marked(snippet: { text: string; matchStart: number; matchEnd: number } | null): string | null {
  if (snippet === null) return null;
  return `${snippet.text.slice(0, snippet.matchStart)}[${snippet.text.slice(snippet.matchStart, snippet.matchEnd)}]${snippet.text.slice(snippet.matchEnd)}`;
}

const LONG = 'the quick brown fox jumps over the lazy dog while seventeen curious pelicans watch from the old harbour wall and the tide slowly turns again tonight';

describe('findSearchSnippet', () => {
  it('matches case-insensitively and shows the text as written, the match marked', () => {
    expect(marked(snippetFor('Birds', ['I saw PELICANS today'], 'Pelicans'))).toBe('I saw [PELICANS] today');
    expect(marked(snippetFor('Birds', ['Mixed CaSe WoRdS here'], 'case words'))).toBe('Mixed [CaSe WoRdS] here');
  });

  it('keeps the highlight on the match where lower-casing changes the length (Turkish İ)', () => {
    // "İ".toLowerCase() is "i" + U+0307: every later offset of the lower-case text is one further on.
    expect(marked(snippetFor('t', ['İSTANBUL İyi günler, İzmir Ankara'], 'ankara'))).toBe('İSTANBUL İyi günler, İzmir [Ankara]');
    expect(marked(snippetFor('t', ['Merhaba İSTANBUL'], 'İstanbul'))).toBe('Merhaba [İSTANBUL]');
    // A match that starts inside İ's lower-case form takes the whole character.
    expect(marked(snippetFor('t', ['Bir İSTANBUL gezisi'], 'stanbul'))).toBe('Bir İ[STANBUL] gezisi');
    expect(marked(snippetFor('t', ['İİİ und STRAẞE, Größe'], 'ii'))).toBe('[İİ]İ und STRAẞE, Größe');
  });

  it('shows German ß and ẞ, Greek final sigma and emoji as written, with the match aligned', () => {
    expect(marked(snippetFor('t', ['Die GROẞE STRAẞE ist lang'], 'straße'))).toBe('Die GROẞE [STRAẞE] ist lang');
    expect(marked(snippetFor('t', ['Größe: 42 Maße'], 'MASSE'))).toBe('Größe: 42 [Maße]');
    expect(marked(snippetFor('t', ['ΟΔΟΣ και ΧΑΟΣ'], 'χαος'))).toBe('ΟΔΟΣ και [ΧΑΟΣ]');
    expect(marked(snippetFor('t', ['😀 Émile ÉCRIT 😀 Zürich'], 'zürich'))).toBe('😀 Émile ÉCRIT 😀 [Zürich]');
  });

  it('shows the title as written when only the title matches', () => {
    expect(marked(snippetFor('Holiday PLANS İzmir', ['lisbon in may'], 'izmir'))).toBe('Holiday PLANS [İzmir]');
    expect(marked(snippetFor('Holiday PLANS İzmir', ['lisbon in may'], 'İzmir'))).toBe('Holiday PLANS [İzmir]');
  });

  it('folds accents both ways, and marks the characters as written', () => {
    expect(marked(snippetFor('t', ['Un café crème, s\'il vous plaît'], 'cafe creme'))).toBe('Un [café crème], s\'il vous plaît');
    expect(marked(snippetFor('t', ['A plain cafe here'], 'CAFÉ'))).toBe('A plain [cafe] here');
    expect(marked(snippetFor('t', ['Decomposed Cafe\u0301 too'], 'café'))).toBe('Decomposed [Cafe\u0301] too');
    expect(marked(snippetFor('t', ['Uçuş İZMİR, Diyarbakır'], 'izmir'))).toBe('Uçuş [İZMİR], Diyarbakır');
    expect(marked(snippetFor('t', ['Uçuş İZMİR, Diyarbakır'], 'diyarbakir'))).toBe('Uçuş İZMİR, [Diyarbakır]');
    expect(marked(snippetFor('t', ['Die Straße ist lang'], 'strasse'))).toBe('Die [Straße] ist lang');
    expect(marked(snippetFor('t', ['Die Strasse ist lang'], 'straße'))).toBe('Die [Strasse] ist lang');
    expect(marked(snippetFor('t', ['Visit Łódź and Ærøskøbing'], 'lodz'))).toBe('Visit [Łódź] and Ærøskøbing');
  });

  it('shows a record written before case runs existed in lower case, folded again, still aligned', () => {
    const legacy = { title: 'holiday', entries: [[0, 'i̇stanbul i̇yi']] as Array<[number, string]> };
    expect(marked(findSearchSnippet(refoldSearchText(legacy), normaliseForSearch('İyi')))).toBe('i̇stanbul [i̇yi]');
    expect(marked(findSearchSnippet(refoldSearchText({ title: 'Café', titleCase: '0C', entries: [] }), normaliseForSearch('cafe')))).toBe('[Café]');
  });

  it('cuts about 40 characters each side at word boundaries, with an ellipsis', () => {
    const snippet = snippetFor('t', [LONG], 'pelicans');
    expect(marked(snippet)).toBe('…the lazy dog while seventeen curious [pelicans] watch from the old harbour wall and the…');
    const { text, matchStart, matchEnd } = snippet!;
    expect(matchStart - 1).toBeLessThanOrEqual(SNIPPET_CONTEXT);
    expect(text.length - matchEnd - 1).toBeLessThanOrEqual(SNIPPET_CONTEXT);
    expect(text.startsWith('…') && text.endsWith('…')).toBe(true);
  });

  it('has no leading ellipsis for a match at the start, and no trailing one at the end', () => {
    expect(marked(snippetFor('t', [LONG], 'the quick'))).toBe('[the quick] brown fox jumps over the lazy dog while…');
    expect(marked(snippetFor('t', [LONG], 'tonight'))).toBe('…wall and the tide slowly turns again [tonight]');
  });

  it('finds a query of several words, across collapsed whitespace around it', () => {
    expect(marked(snippetFor('t', ['first line\n\n  then the  harbour wall at dusk'], 'the  harbour wall'))).toBe('first line then [the harbour wall] at dusk');
  });

  it('handles Unicode: accents, emoji and scripts without spaces, never splitting a character', () => {
    expect(marked(snippetFor('t', ['Ein Café in Zürich'], 'ZÜRICH'))).toBe('Ein Café in [Zürich]');
    const emoji = '😀'.repeat(30) + 'needle' + '😀'.repeat(30);
    const snippet = snippetFor('t', [emoji], 'needle')!;
    expect(snippet.text.slice(snippet.matchStart, snippet.matchEnd)).toBe('needle');
    expect(snippet.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(snippet.text.startsWith('…😀') && snippet.text.endsWith('😀…')).toBe(true);
    expect(marked(snippetFor('t', ['東京で寿司を食べました'], '寿司'))).toBe('東京で[寿司]を食べました');
  });

  it('uses the first message that matches, then falls back to the title', () => {
    expect(marked(snippetFor('t', ['no match here', 'second one matches', 'third matches too'], 'matches'))).toBe('second one [matches]');
    expect(marked(snippetFor('Holiday plans', ['lisbon in may'], 'plans'))).toBe('Holiday [plans]');
    expect(snippetFor('Holiday', ['lisbon'], 'porto')).toBeNull();
  });
});

describe('cutSnippet', () => {
  it('cuts inside a single long word rather than dropping all context', () => {
    const word = 'x'.repeat(60) + 'abc' + 'y'.repeat(60);
    const snippet = cutSnippet(word, 60, 63);
    expect(snippet.text).toBe(`…${'x'.repeat(SNIPPET_CONTEXT)}abc${'y'.repeat(SNIPPET_CONTEXT)}…`);
    expect(snippet.text.slice(snippet.matchStart, snippet.matchEnd)).toBe('abc');
  });
});
