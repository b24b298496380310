// PBKDF2 parameters of the vault (security.md R1, R2, R7, R33) and their validation.
import { BYOKError } from '../types';
import { decodeBase64, deriveBits, encodeBase64 } from '../crypto';

export const KDF_ALGORITHM = 'PBKDF2-SHA256';
/** OWASP's minimum for PBKDF2-HMAC-SHA256; nothing below it is created or imported. */
export const MIN_ITERATIONS = 600_000;
/** Bitwarden's upper bound: beyond it unlocking on a slow phone takes too long. */
export const MAX_ITERATIONS = 2_000_000;
/** What the calibration aims for on the creating device. */
export const TARGET_DERIVATION_MS = 500;
/** The seed's design; accepted only to migrate on first unlock. */
export const LEGACY_ITERATIONS = 100_000;
export const SALT_BYTES = 16;
/** A short run to measure the device, scaled up linearly (PBKDF2 cost is linear in iterations). */
export const CALIBRATION_ITERATIONS = 50_000;

export interface KdfParameters {
  alg: typeof KDF_ALGORITHM;
  iterations: number;
  /** base64 of 16 random bytes. */
  salt: string;
}

/** Scales a measured short run to the target, rounds to 10,000 and clamps to [floor, cap]. */
export function calculateCalibratedIterations(measuredMs: number, measuredIterations = CALIBRATION_ITERATIONS): number {
  if (!Number.isFinite(measuredMs) || measuredMs <= 0) return MAX_ITERATIONS;
  const scaled = Math.round(((measuredIterations * TARGET_DERIVATION_MS) / measuredMs) / 10_000) * 10_000;
  return Math.min(MAX_ITERATIONS, Math.max(MIN_ITERATIONS, scaled));
}

export async function calibrateIterations(): Promise<number> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const started = performance.now();
  await deriveBits('calibration', salt, CALIBRATION_ITERATIONS);
  return calculateCalibratedIterations(performance.now() - started);
}

export function createSalt(): string {
  return encodeBase64(crypto.getRandomValues(new Uint8Array(SALT_BYTES)));
}

function refuse(message: string): never {
  throw new BYOKError('DECRYPTION_FAILED', message);
}

function decodeSalt(salt: unknown): Uint8Array {
  if (typeof salt !== 'string') refuse('The vault header has no salt.');
  try {
    return decodeBase64(salt);
  } catch {
    return refuse('The vault salt is not valid base64.');
  }
}

/**
 * Checks KDF parameters read from storage or a backup. Anything weaker than the floor is treated as
 * a possible downgrade attack (an edited header or a crafted backup), as Bitwarden does.
 * `allowLegacy` admits the seed's 100,000 iterations, only so the vault can be migrated.
 */
export function assertKdfParameters(kdf: unknown, allowLegacy: boolean): asserts kdf is KdfParameters {
  if (typeof kdf !== 'object' || kdf === null) refuse('The vault header has no KDF parameters.');
  const candidate = kdf as Partial<KdfParameters>;
  if (candidate.alg !== KDF_ALGORITHM) refuse('Unknown key-derivation algorithm in the vault header (possible downgrade).');
  const iterations = candidate.iterations;
  if (typeof iterations !== 'number' || !Number.isSafeInteger(iterations)) refuse('The vault header has invalid PBKDF2 iterations.');
  const isLegacy = allowLegacy && iterations === LEGACY_ITERATIONS;
  if (!isLegacy && iterations < MIN_ITERATIONS) {
    refuse(`PBKDF2 iterations ${iterations} are below the minimum of ${MIN_ITERATIONS}: refused as a possible downgrade attack.`);
  }
  if (iterations > MAX_ITERATIONS) refuse(`PBKDF2 iterations above ${MAX_ITERATIONS} are refused.`);
  if (decodeSalt(candidate.salt).length !== SALT_BYTES) {
    refuse(`The vault salt must be exactly ${SALT_BYTES} bytes: refused as a possible downgrade.`);
  }
}

/** The iteration count a new vault or a new passphrase uses: explicit (tests) or calibrated. */
export async function chooseIterations(requested?: number): Promise<number> {
  const iterations = requested ?? (await calibrateIterations());
  if (!Number.isSafeInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new BYOKError(
      'ENCRYPTION_FAILED',
      `PBKDF2 iterations must be between ${MIN_ITERATIONS} and ${MAX_ITERATIONS}; fewer would be a downgrade.`,
    );
  }
  return iterations;
}
