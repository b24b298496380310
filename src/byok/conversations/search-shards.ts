// Search records, format 3: the conversations' search texts grouped into a fixed number of
// encrypted shards, so the first search after unlock reads and decrypts 16 records instead of one
// per conversation (performance.md B7: search all ≤ 150 ms). IndexedDB pays per record as well as
// per byte: in Chromium on this project's machine, 1,001 records of 10 KB took about 110 ms to
// read and decrypt, the same bytes in 16 records about 65 ms.
//
// A shard is rewritten only when a finished message, a title or a deletion changes one of its
// conversations (never per streamed delta, B9), always read-modify-write with a compare-and-swap
// on the stored bytes (search-shard-write.ts). Each shard is one AES-256-GCM payload whose AAD
// binds format 3, the vault and the shard number: a shard copied to another number, vault or
// format does not decrypt. Inside, each text names its conversation; a conversation's shard is a
// hash of its id, checked again when a shard is opened.
import { decryptFromBytes, encryptToBytes, GCM_IV_BYTES } from '../crypto';
import { BYOKError } from '../types';
import { encodeCanonical } from '../vault/canonical-encoding';
import { noteEncryptions } from '../vault/vault-session';
import type { RecordKey } from './conversation-records';
import { refoldSearchJson } from './search-text';

export const SEARCH_SHARD_FORMAT_VERSION = 3;
/** Enough that one shard stays small to rewrite; few enough that reading all of them is cheap. */
export const SEARCH_SHARD_COUNT = 16;
/**
 * How the texts inside were folded (search-case.ts): 1 = lower case and accents dropped. Shards
 * without it (written before accent folding) are folded again when opened, and rewritten after.
 */
export const SEARCH_FOLD_VERSION = 1;

export interface SearchShardRecord {
  formatVersion: typeof SEARCH_SHARD_FORMAT_VERSION;
  shard: number;
  /** IV ‖ ciphertext ‖ tag (crypto.ts encryptToBytes). */
  sealed: Uint8Array;
}

/** Conversation id → its search text as JSON (the form the session's search cache keeps). */
export type ShardTexts = Map<string, string>;

const refolded = new WeakSet<ShardTexts>();

/** True when these texts were folded again on opening: the stored shard is older and wants rewriting. */
export function wasRefolded(texts: ShardTexts): boolean {
  return refolded.has(texts);
}

/** FNV-1a over the id's UTF-16 code units: stable across sessions and browsers. */
export function shardOf(conversationId: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < conversationId.length; index += 1) {
    hash ^= conversationId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SEARCH_SHARD_COUNT;
}

export function encodeSearchShardContext(vaultId: string, shard: number): string {
  return encodeCanonical([SEARCH_SHARD_FORMAT_VERSION, vaultId, shard, '', 'search-shard']);
}

function corruptShardError(message: string, cause?: unknown): BYOKError {
  return new BYOKError('DECRYPTION_FAILED', `A stored search shard is damaged or was altered: ${message}`, cause === undefined ? {} : { cause });
}

export function isSearchShardRecord(record: unknown): record is SearchShardRecord {
  const candidate = record as Partial<SearchShardRecord> | null;
  return typeof candidate === 'object' && candidate !== null && candidate.formatVersion === SEARCH_SHARD_FORMAT_VERSION &&
    Number.isInteger(candidate.shard) && candidate.sealed instanceof Uint8Array;
}

/**
 * The plaintext: one JSON line `[ids, lengths, fold version]`, then the texts' JSON back to back. Opening cuts
 * each text out by its length, so the fill never parses megabytes of JSON (the search cache keeps
 * each text as JSON and parses only what its prefilter lets through).
 */
function encodeShard(texts: ShardTexts): string {
  const ids = [...texts.keys()];
  const bodies = ids.map((id) => texts.get(id) ?? 'null');
  return `${JSON.stringify([ids, bodies.map((body) => body.length), SEARCH_FOLD_VERSION])}\n${bodies.join('')}`;
}

function decodeShard(plaintext: string, shard: number): ShardTexts {
  const headerEnd = plaintext.indexOf('\n');
  let header: unknown;
  try {
    header = JSON.parse(plaintext.slice(0, headerEnd));
  } catch (cause) {
    throw corruptShardError('its index is not JSON.', cause);
  }
  const [ids, lengths, fold] = Array.isArray(header) ? header as unknown[] : [];
  if (headerEnd < 0 || !Array.isArray(ids) || !Array.isArray(lengths) || ids.length !== lengths.length) throw corruptShardError('its index has the wrong shape.');
  const texts: ShardTexts = new Map();
  let at = headerEnd + 1;
  ids.forEach((id: unknown, index) => {
    const length: unknown = lengths[index];
    if (typeof id !== 'string' || shardOf(id) !== shard || typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
      throw corruptShardError('an entry does not belong to this shard.');
    }
    texts.set(id, plaintext.slice(at, at + length));
    at += length;
  });
  if (at !== plaintext.length) throw corruptShardError('its texts do not add up to its index.');
  if (fold === SEARCH_FOLD_VERSION) return texts;
  for (const [id, json] of texts) texts.set(id, refoldSearchJson(json));
  refolded.add(texts);
  return texts;
}

export async function sealSearchShard(key: RecordKey, shard: number, texts: ShardTexts): Promise<SearchShardRecord> {
  const sealed = await encryptToBytes(key.dek, encodeShard(texts), encodeSearchShardContext(key.vaultId, shard));
  noteEncryptions(1);
  return { formatVersion: SEARCH_SHARD_FORMAT_VERSION, shard, sealed };
}

/** The shard's texts; DECRYPTION_FAILED when it is not a shard record, was altered or moved. */
export async function openSearchShard(key: RecordKey, record: unknown): Promise<ShardTexts> {
  if (!isSearchShardRecord(record) || record.shard < 0 || record.shard >= SEARCH_SHARD_COUNT) throw corruptShardError('unknown format or shard number.');
  const aad = encodeSearchShardContext(key.vaultId, record.shard);
  let plaintext: string;
  try {
    plaintext = await decryptFromBytes(key.dek, record.sealed, aad);
  } catch (error) {
    // Mid-rotation, a shard not re-encrypted yet still opens with the previous key.
    if (key.retiredDek === undefined) throw error;
    plaintext = await decryptFromBytes(key.retiredDek, record.sealed, aad);
  }
  return decodeShard(plaintext, record.shard);
}

/**
 * Which version of a shard this is: its IV, fresh and random for every write (crypto.ts), copied
 * so it does not keep the shard's bytes alive. Null when there is no usable shard.
 */
export function shardVersion(record: unknown): Uint8Array | null {
  return isSearchShardRecord(record) ? record.sealed.slice(0, GCM_IV_BYTES) : null;
}

/**
 * True when `current` is still the version that was read as `before` (compared byte for byte).
 * Two unusable values count as the same: the rebuilt shard may replace what nobody can read.
 */
export function isSameShard(before: unknown, current: unknown): boolean {
  if (before === undefined || current === undefined) return before === current;
  const usable = isSearchShardRecord(before);
  if (usable !== isSearchShardRecord(current)) return false;
  return !usable || sameBytes(before.sealed, (current as SearchShardRecord).sealed);
}

export function sameBytes(left: unknown, right: unknown): boolean {
  if (!(left instanceof Uint8Array) || !(right instanceof Uint8Array) || left.length !== right.length) return false;
  for (let index = 0; index < left.length; index += 1) if (left[index] !== right[index]) return false;
  return true;
}
