// Case runs: the lower-case search text plus what restores the original, offsets mapped back.
import { describe, expect, it } from 'vitest';
import { foldCase, restoreCase } from './search-case';

const SAMPLES = [
  '', 'already lower', 'The Quick BROWN fox', 'İstanbul İZMİR', 'GROẞE STRAẞE Größe', 'ΟΔΟΣ ΧΑΟΣ σοφός',
  '😀 Émile ÉCRIT 𐐀𐐁 Deseret', 'ǅemal ǈubljana', 'mixed\nLINES\tand  SPACES', 'ﬀ ﬁ İİİ',
];

describe('foldCase / restoreCase', () => {
  it('gives exactly String#toLowerCase and restores the original text', () => {
    for (const original of SAMPLES) {
      const { lower, runs } = foldCase(original);
      expect(lower).toBe(original.toLowerCase());
      expect(restoreCase(lower, runs).text).toBe(original);
    }
  });

  it('stores nothing for text without capitals, and one run per run of capitals', () => {
    expect(foldCase('all lower, 123!').runs).toBe('');
    expect(foldCase('The QUICK fox').runs).toBe('0T3QUICK');
    expect(foldCase('İ2 ΧΑΟΣ').runs).toBe('0İ2ΧΑΟΣ');
  });

  it('maps offsets of the lower-case text back, also after a character whose lower case is longer', () => {
    const original = 'İstanbul ve İzmir';
    const { lower, runs } = foldCase(original);
    const restored = restoreCase(lower, runs);
    const at = lower.indexOf('izmir');
    // "izmir" is not in the lower-case text at all ("i̇zmir" is): search for what the record holds.
    expect(at).toBe(-1);
    const start = lower.indexOf('zmir');
    expect(original.slice(restored.toOriginal(start, 'start'), restored.toOriginal(start + 4, 'end'))).toBe('zmir');
    const inside = lower.indexOf('\u0307zmir');
    expect(original.slice(restored.toOriginal(inside, 'start'), restored.toOriginal(inside + 5, 'end'))).toBe('İzmir');
    for (let offset = 0; offset <= lower.length; offset += 1) {
      expect(restored.toOriginal(offset, 'start')).toBeLessThanOrEqual(restored.toOriginal(offset, 'end'));
    }
  });

  it('falls back to the lower-case text when runs are missing or unusable', () => {
    expect(restoreCase('plain', undefined).text).toBe('plain');
    expect(restoreCase('plain', '0P').text).toBe('Plain');
    expect(restoreCase('plain', [0, 'P']).text).toBe('plain');
    expect(restoreCase('plain', 'P').text).toBe('plain');
    expect(restoreCase('plain', '10P').text).toBe('plain');
    expect(restoreCase('plain', '0').text).toBe('plain');
  });
});
