import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../crypto';
import {
  CALIBRATION_ITERATIONS, KDF_ALGORITHM, LEGACY_ITERATIONS, MAX_ITERATIONS, MIN_ITERATIONS, SALT_BYTES, TARGET_DERIVATION_MS,
  assertKdfParameters, calculateCalibratedIterations, calibrateIterations, chooseIterations,
} from './kdf-parameters';

const salt = (bytes = SALT_BYTES): string => encodeBase64(new Uint8Array(bytes));

describe('T10 KDF parameters', () => {
  it('pins the defaults: changing one must fail this test', () => {
    expect({ KDF_ALGORITHM, MIN_ITERATIONS, MAX_ITERATIONS, TARGET_DERIVATION_MS, LEGACY_ITERATIONS, SALT_BYTES, CALIBRATION_ITERATIONS }).toEqual({
      KDF_ALGORITHM: 'PBKDF2-SHA256', MIN_ITERATIONS: 600_000, MAX_ITERATIONS: 2_000_000, TARGET_DERIVATION_MS: 500,
      LEGACY_ITERATIONS: 100_000, SALT_BYTES: 16, CALIBRATION_ITERATIONS: 50_000,
    });
  });

  it('calibrates to ≈500 ms, clamped to [600,000; 2,000,000]', () => {
    expect(calculateCalibratedIterations(35)).toBe(710_000);
    expect(calculateCalibratedIterations(10)).toBe(MAX_ITERATIONS);
    expect(calculateCalibratedIterations(100)).toBe(MIN_ITERATIONS);
    expect(calculateCalibratedIterations(0)).toBe(MAX_ITERATIONS);
  });

  it('measures this device within the allowed range', async () => {
    const iterations = await calibrateIterations();
    expect(iterations).toBeGreaterThanOrEqual(MIN_ITERATIONS);
    expect(iterations).toBeLessThanOrEqual(MAX_ITERATIONS);
  });

  it('refuses explicit iterations outside the range, mentioning the downgrade', async () => {
    await expect(chooseIterations(599_999)).rejects.toThrow(/downgrade/);
    await expect(chooseIterations(2_000_001)).rejects.toThrow(/between/);
    await expect(chooseIterations(600_000)).resolves.toBe(600_000);
  });

  it.each([
    ['599,999 iterations', { alg: KDF_ALGORITHM, iterations: 599_999, salt: salt() }, /downgrade/],
    ['a 15-byte salt', { alg: KDF_ALGORITHM, iterations: 600_000, salt: salt(15) }, /downgrade/],
    ['an unknown algorithm', { alg: 'PBKDF2-SHA1', iterations: 600_000, salt: salt() }, /downgrade/],
    ['legacy iterations when not migrating', { alg: KDF_ALGORITHM, iterations: 100_000, salt: salt() }, /downgrade/],
    ['too many iterations', { alg: KDF_ALGORITHM, iterations: 2_000_001, salt: salt() }, /above/],
    ['fractional iterations', { alg: KDF_ALGORITHM, iterations: 600_000.5, salt: salt() }, /invalid/],
  ])('refuses %s', (_label, kdf, message) => {
    expect(() => assertKdfParameters(kdf, false)).toThrow(message);
  });

  it('admits exactly the legacy count only for migration', () => {
    expect(() => assertKdfParameters({ alg: KDF_ALGORITHM, iterations: 100_000, salt: salt() }, true)).not.toThrow();
    expect(() => assertKdfParameters({ alg: KDF_ALGORITHM, iterations: 100_001, salt: salt() }, true)).toThrow(/downgrade/);
  });
});
