// The WebAuthn side of passkey unlock (security.md §3): create a credential with the PRF extension,
// and ask for its PRF output at enrolment and unlock. User verification is required; an
// authenticator without PRF is refused with an explanation (T36). The core (src/byok) only ever
// receives the 32-byte PRF output; nothing here is stored except the credential id and PRF input.
import { BYOKError } from '../../byok/types';

export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (character) => character.charCodeAt(0));

interface PrfResults {
  enabled?: boolean;
  results?: { first?: ArrayBuffer | ArrayBufferView };
}

function readPrf(credential: PublicKeyCredential): PrfResults {
  return ((credential.getClientExtensionResults() as { prf?: PrfResults }).prf ?? {});
}

function prfBytes(results: PrfResults): Uint8Array | null {
  const first = results.results?.first;
  if (first === undefined) return null;
  return first instanceof ArrayBuffer ? new Uint8Array(first) : new Uint8Array(first.buffer, first.byteOffset, first.byteLength);
}

/** The browser says NotAllowedError for a refused user verification, a cancel and a timeout alike. */
function notAllowedError(): BYOKError {
  return new BYOKError('INVALID_REQUEST', 'The passkey was not verified, or the request was cancelled or timed out. Try again, or unlock with your passphrase.');
}

/** Runs a WebAuthn call, turning the browser's NotAllowedError into words that say what to do. */
async function askAuthenticator<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotAllowedError') throw notAllowedError();
    throw error;
  }
}

export function passkeysSupported(): boolean {
  return typeof window.PublicKeyCredential === 'function' && typeof navigator.credentials?.create === 'function';
}

function noPrfError(): BYOKError {
  return new BYOKError('INVALID_REQUEST', 'This passkey or browser does not offer the PRF extension, so it cannot unlock the vault. Your passphrase still works; try another authenticator.');
}

/** Asks the authenticator for the PRF output of one of `options` (user verification required). */
export async function getPrfOutput(options: Array<{ credentialId: string; prfSalt: string }>): Promise<{ credentialId: string; prfOutput: Uint8Array }> {
  const evalByCredential: Record<string, { first: Uint8Array<ArrayBuffer> }> = {};
  for (const option of options) evalByCredential[option.credentialId] = { first: fromBase64(option.prfSalt) };
  const credential = (await askAuthenticator(() => navigator.credentials.get({
    publicKey: {
      challenge: crypto.getRandomValues(new Uint8Array(32)),
      allowCredentials: options.map((option) => ({ type: 'public-key' as const, id: decodeBase64Url(option.credentialId) })),
      userVerification: 'required',
      timeout: 60_000,
      extensions: { prf: { evalByCredential } } as AuthenticationExtensionsClientInputs,
    },
  }))) as PublicKeyCredential | null;
  if (credential === null) throw new BYOKError('STREAM_ABORTED', 'No passkey was chosen.');
  const prfOutput = prfBytes(readPrf(credential));
  if (prfOutput === null) throw noPrfError();
  return { credentialId: encodeBase64Url(new Uint8Array(credential.rawId)), prfOutput };
}

/** Creates a passkey with PRF; a second get() fetches the PRF output when create() gave none (hmac-secret). */
export async function createPrfPasskey(label: string): Promise<{ credentialId: string; prfSalt: string; prfOutput: Uint8Array; label: string }> {
  const prfSalt = crypto.getRandomValues(new Uint8Array(32));
  const credential = (await askAuthenticator(() => navigator.credentials.create({
    publicKey: {
      rp: { name: 'VIVIM BYOK' },
      user: { id: crypto.getRandomValues(new Uint8Array(16)), name: `vault-${label}`, displayName: label },
      challenge: crypto.getRandomValues(new Uint8Array(32)),
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }, { type: 'public-key', alg: -257 }],
      authenticatorSelection: { userVerification: 'required', residentKey: 'preferred' },
      timeout: 60_000,
      extensions: { prf: { eval: { first: prfSalt } } } as AuthenticationExtensionsClientInputs,
    },
  }))) as PublicKeyCredential | null;
  if (credential === null) throw new BYOKError('STREAM_ABORTED', 'No passkey was created.');
  const prf = readPrf(credential);
  if (prf.enabled === false) throw noPrfError();
  const credentialId = encodeBase64Url(new Uint8Array(credential.rawId));
  const fromCreate = prfBytes(prf);
  const prfOutput = fromCreate ?? (await getPrfOutput([{ credentialId, prfSalt: toBase64(prfSalt) }])).prfOutput;
  return { credentialId, prfSalt: toBase64(prfSalt), prfOutput, label };
}
