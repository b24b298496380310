import { describe, expect, it } from 'vitest';
import { measurePassphrase } from './passphrase-strength';

describe('measurePassphrase', () => {
  it('calls anything under 12 characters too short, counting emoji as one', () => {
    expect(measurePassphrase('short').label).toBe('Too short');
    expect(measurePassphrase('😀😀😀😀😀😀😀😀😀😀😀').level).toBe(0);
  });

  it('ranks repeated, common and random passphrases apart', () => {
    expect(measurePassphrase('aaaaaaaaaaaaaaaa').level).toBe(1);
    expect(measurePassphrase('password1234').level).toBe(1);
    expect(measurePassphrase('correct horse battery staple').level).toBeGreaterThanOrEqual(3);
    expect(measurePassphrase('T7#vq9!Lm2@xZ4&pW8').level).toBe(4);
  });
});
