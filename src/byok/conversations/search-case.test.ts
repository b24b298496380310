// Folding for search: lower case without accents, plus the runs that restore the original, with
// offsets mapped back; and texts folded before accent folding (lower case only) still restored.
import { describe, expect, it } from 'vitest';
import { foldForSearch, foldText, restoreCase } from './search-case';

const SAMPLES = [
  '', 'already lower', 'The Quick BROWN fox', 'İstanbul İZMİR', 'GROẞE STRAẞE Größe', 'ΟΔΟΣ ΧΑΟΣ σοφός',
  '😀 Émile ÉCRIT 𐐀𐐁 Deseret', 'ǅemal ǈubljana', 'mixed\nLINES\tand  SPACES', 'ﬀ ﬁ İİİ',
  'Café crème brûlée', 'Cafe\u0301 decomposed', 'Ærøskøbing Łódź Diyarbakır', 'Ελληνικά ΆΈΉ', '한국어 東京 ひらがな', 'naïve 2² résumé',
];

describe('foldText', () => {
  it('folds case and accents the way people type', () => {
    expect(foldText('Café')).toBe('cafe');
    expect(foldText('Cafe\u0301')).toBe('cafe');
    expect(foldText('İZMİR')).toBe('izmir');
    expect(foldText('Diyarbakır')).toBe('diyarbakir');
    expect(foldText('Straße GROẞE')).toBe('strasse grosse');
    expect(foldText('ΧΑΟΣ χάος χαος')).toBe('χαοσ χαοσ χαοσ');
    expect(foldText('Ærøskøbing Łódź')).toBe('aeroskobing lodz');
    expect(foldText('Ёлка Йод')).toBe('елка иод');
  });

  it('leaves scripts without case or accents as they are', () => {
    expect(foldText('한국어 東京 ひらがな')).toBe('한국어 東京 ひらがな');
    expect(foldText('plain ascii, 123!')).toBe('plain ascii, 123!');
  });
});

describe('foldForSearch / restoreCase', () => {
  it('gives the folded text and restores the original text exactly', () => {
    for (const original of SAMPLES) {
      const { lower, runs } = foldForSearch(original);
      expect(lower).toBe(foldText(original));
      expect(restoreCase(lower, runs).text).toBe(original);
    }
  });

  it('stores nothing for folded text, and one run per run of changed characters', () => {
    expect(foldForSearch('all lower, 123!').runs).toBe('');
    expect(foldForSearch('The QUICK fox').runs).toBe('0T3QUICK');
    expect(foldForSearch('İ2 ΧΑΟΣ').runs).toBe('0İ2ΧΑΟΣ');
    expect(foldForSearch('café').runs).toBe('3é');
  });

  it('maps offsets of the folded text back, also after characters whose folded form is longer or empty', () => {
    const original = 'İstanbul, Straße und Cafe\u0301 in İzmir';
    const { lower, runs } = foldForSearch(original);
    const restored = restoreCase(lower, runs);
    const mark = (query: string): string => {
      const at = lower.indexOf(query);
      return original.slice(restored.toOriginal(at, 'start'), restored.toOriginal(at + query.length, 'end'));
    };
    expect(mark('izmir')).toBe('İzmir');
    expect(mark('strasse')).toBe('Straße');
    // Inside ß's two letters: the whole character.
    expect(mark('stras')).toBe('Straß');
    // The combining accent stays with its letter, at the end and at the start of a match.
    expect(mark('cafe')).toBe('Cafe\u0301');
    expect(mark(' in')).toBe(' in');
    for (let offset = 0; offset <= lower.length; offset += 1) {
      expect(restored.toOriginal(offset, 'start')).toBeLessThanOrEqual(restored.toOriginal(offset, 'end'));
    }
  });

  it('restores texts folded before accent folding (lower case only), by their own rules', () => {
    expect(restoreCase('i̇2 χαος', '0İ2ΧΑΟΣ', 'lower').text).toBe('İ2 ΧΑΟΣ');
    expect(restoreCase('die große straße', '0D', 'lower').text).toBe('Die große straße');
  });

  it('falls back to the folded text when runs are missing or unusable', () => {
    expect(restoreCase('plain', undefined).text).toBe('plain');
    expect(restoreCase('plain', '0P').text).toBe('Plain');
    expect(restoreCase('plain', [0, 'P']).text).toBe('plain');
    expect(restoreCase('plain', 'P').text).toBe('plain');
    expect(restoreCase('plain', '10P').text).toBe('plain');
    expect(restoreCase('plain', '0').text).toBe('plain');
  });
});
