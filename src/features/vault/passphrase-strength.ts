// A rough strength estimate for the meter: length dominates, character variety and separate words
// help. It guides; the hard rule is only the 12-character minimum (security.md R3).
export type StrengthLevel = 0 | 1 | 2 | 3 | 4;

export interface PassphraseStrength {
  level: StrengthLevel;
  label: 'Too short' | 'Weak' | 'Fair' | 'Good' | 'Strong';
  hint: string;
}

const COMMON_PATTERNS = [/^(.)\1+$/, /password/i, /123456/, /qwerty/i, /letmein/i];

function estimateBits(passphrase: string): number {
  const characters = Array.from(passphrase);
  let alphabet = 0;
  if (/[a-z]/.test(passphrase)) alphabet += 26;
  if (/[A-Z]/.test(passphrase)) alphabet += 26;
  if (/[0-9]/.test(passphrase)) alphabet += 10;
  if (/[^a-zA-Z0-9]/.test(passphrase)) alphabet += 33;
  const distinct = new Set(characters).size;
  // Repeated characters add little: count distinct ones fully and repeats at a quarter.
  const effectiveLength = distinct + (characters.length - distinct) / 4;
  return effectiveLength * Math.log2(Math.max(alphabet, 2));
}

export function measurePassphrase(passphrase: string): PassphraseStrength {
  const length = Array.from(passphrase).length;
  if (length < 12) return { level: 0, label: 'Too short', hint: `At least 12 characters (${length} so far).` };
  if (COMMON_PATTERNS.some((pattern) => pattern.test(passphrase))) {
    return { level: 1, label: 'Weak', hint: 'Avoid common words and sequences; try four random words.' };
  }
  const words = passphrase.trim().split(/[\s\-_.]+/).filter((word) => word.length >= 3).length;
  const bits = estimateBits(passphrase) + (words >= 4 ? 10 : 0);
  if (bits < 50) return { level: 1, label: 'Weak', hint: 'Longer is stronger: add another word or two.' };
  if (bits < 70) return { level: 2, label: 'Fair', hint: 'Good start; a few more characters make it much harder to guess.' };
  if (bits < 90) return { level: 3, label: 'Good', hint: 'Hard to guess.' };
  return { level: 4, label: 'Strong', hint: 'Very hard to guess.' };
}
