// Reading search texts from storage into the session's cache (search-cache.ts): first the shards
// (search-shards.ts, format 3), then, for conversations not in any shard yet, their format-1 or -2
// record, which search-upgrade.ts then moves into its shard. A conversation with neither is cached
// as null (nothing to find). One whose shard or record cannot be read is reported and left out, so
// the next search tries again.
import { BYOKError } from '../types';
import { SEARCH_SHARDS_STORE, SEARCH_TEXT_STORE, readAllKeys, readAllRecords, readRecord } from './conversation-database';
import { decryptSearchText, type RecordKey, type StoredSearchTextRecord } from './conversation-records';
import { fillSearchText, readMoment, type SearchTexts } from './search-cache';
import { openSearchShard, shardOf, wasRefolded } from './search-shards';
import { refoldSearchJson } from './search-text';

/** Older records read together: small enough that a chunk never holds the page up long. */
export const FILL_CHUNK_SIZE = 100;
/** Smaller in the background, one chunk per idle moment. */
export const PRIME_CHUNK_SIZE = 25;

export type ReportCorrupt = (conversationId: string, error: unknown) => void;

/**
 * How a fill goes: `step` is awaited before each read when reading in the background, and says
 * whether to go on one read at a time (false: read the rest at once, a search is waiting).
 * Without it, everything is read at once.
 */
export interface FillPace {
  step: () => Promise<boolean>;
}

/** Splits sorted ids into runs of at most `size`, each read with one key range. */
export function chunkIds(ids: string[], size = FILL_CHUNK_SIZE): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += size) chunks.push(ids.slice(start, start + size));
  return chunks;
}

/** Runs `read` on each item: one per step while the pace allows it, then the rest in parallel. */
async function paced<T>(items: T[], pace: FillPace | null, read: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  while (pace !== null && queue.length > 0 && (await pace.step())) {
    const next = queue.shift();
    if (next !== undefined) await read(next);
  }
  await Promise.all(queue.map(read));
}

export interface FillResult {
  /** Conversations found in format-1 or -2 records (not moved into a shard yet). */
  legacyIds: string[];
  /** Shards written before accent folding (folded again when read; to be rewritten). */
  staleShards: number[];
}

/**
 * Shard number → why it could not be read; the shards that were folded again; and the wanted
 * conversations found in a shard (filled, or left out as older than another tab's change).
 */
interface ShardOutcome {
  failed: Map<number, unknown>;
  stale: number[];
  found: Set<string>;
}

/** The shards as read at one moment (search-cache.ts readMoment), and what the fill wants from them. */
interface ShardReads {
  readAt: number;
  wanted: Set<string>;
  outcome: ShardOutcome;
}

async function fillFromShard(key: RecordKey, texts: SearchTexts, record: unknown, { readAt, wanted, outcome }: ShardReads): Promise<void> {
  const shard = (record as { shard?: unknown } | null)?.shard;
  try {
    const shardTexts = await openSearchShard(key, record);
    for (const [id, json] of shardTexts) {
      if (!wanted.has(id)) continue;
      outcome.found.add(id);
      fillSearchText(texts, id, json, readAt);
    }
    if (wasRefolded(shardTexts) && typeof shard === 'number') outcome.stale.push(shard);
  } catch (error) {
    if (typeof shard === 'number') outcome.failed.set(shard, error);
  }
}

async function fillFromShards(key: RecordKey, texts: SearchTexts, wanted: Set<string>, pace: FillPace | null): Promise<ShardOutcome> {
  const outcome: ShardOutcome = { failed: new Map(), stale: [], found: new Set() };
  if (pace === null) {
    // One request for all of them: the database answers 16 records faster than 16 requests.
    const reads: ShardReads = { readAt: readMoment(), wanted, outcome };
    const records = await readAllRecords(SEARCH_SHARDS_STORE);
    await Promise.all(records.map((record) => fillFromShard(key, texts, record, reads)));
    return outcome;
  }
  const shards = await readAllKeys(SEARCH_SHARDS_STORE);
  let next = 0;
  while (next < shards.length && (await pace.step())) {
    const reads: ShardReads = { readAt: readMoment(), wanted, outcome };
    await fillFromShard(key, texts, await readRecord(SEARCH_SHARDS_STORE, shards[next] ?? 0), reads);
    next += 1;
  }
  const rest = shards[next];
  // A search is waiting: the rest in one request (the keys are sorted, so they are all from here on).
  if (rest !== undefined) {
    const reads: ShardReads = { readAt: readMoment(), wanted, outcome };
    const records = await readAllRecords(SEARCH_SHARDS_STORE, IDBKeyRange.lowerBound(rest));
    await Promise.all(records.map((record) => fillFromShard(key, texts, record, reads)));
  }
  return outcome;
}

/** Reads and decrypts the older records of `ids` (sorted), each chunk with one key range. */
async function fillLegacyChunk(key: RecordKey, texts: SearchTexts, ids: string[], report: ReportCorrupt): Promise<void> {
  const first = ids[0];
  const last = ids[ids.length - 1];
  if (first === undefined || last === undefined) return;
  const readAt = readMoment();
  const records = (await readAllRecords(SEARCH_TEXT_STORE, IDBKeyRange.bound(first, last))) as StoredSearchTextRecord[];
  const byId = new Map(records.map((record) => [record.conversationId, record]));
  await Promise.all(ids.map(async (id) => {
    const record = byId.get(id);
    if (record === undefined) return;
    try {
      // Written before accent folding: folded again, as the move into the shard will store it.
      fillSearchText(texts, id, refoldSearchJson(await decryptSearchText(key, record)), readAt);
    } catch (error) {
      report(id, error);
    }
  }));
}

/** Fills the cache for `missing` (sorted conversation ids). */
export async function fillMissing(key: RecordKey, texts: SearchTexts, missing: string[], report: ReportCorrupt, pace: FillPace | null): Promise<FillResult> {
  // Every shard would be read and decrypted for nothing (the chat screen primes on every visit).
  if (missing.length === 0) return { legacyIds: [], staleShards: [] };
  const shards = await fillFromShards(key, texts, new Set(missing), pace);
  const keysReadAt = readMoment();
  const stored = new Set(await readAllKeys(SEARCH_TEXT_STORE));
  // One found in a shard (even if left out as older than another tab's change) never comes from its
  // format-1 or -2 record: the shard is newer.
  const legacyIds = missing.filter((id) => !texts.has(id) && !shards.found.has(id) && stored.has(id));
  await paced(chunkIds(legacyIds, pace === null ? FILL_CHUNK_SIZE : PRIME_CHUNK_SIZE), pace, (chunk) => fillLegacyChunk(key, texts, chunk, report));
  for (const id of missing) {
    if (texts.has(id) || stored.has(id) || shards.found.has(id)) continue;
    const error = shards.failed.get(shardOf(id));
    if (error === undefined) fillSearchText(texts, id, null, keysReadAt);
    else report(id, error instanceof BYOKError ? error : new BYOKError('DECRYPTION_FAILED', 'A stored search shard could not be read.', { cause: error }));
  }
  return { legacyIds, staleShards: shards.stale };
}
