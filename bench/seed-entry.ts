// Bench-only entry, built by bench/lib/build-pages.ts into dist/bench/seed.js AFTER the app build
// (so the service worker never precaches it) and loaded into the app's origin with
// page.addScriptTag. It bundles its own copy of src/byok: its vault session is separate from the
// app's, so it unlocks with the passphrase itself; both write the same IndexedDB databases.
import { unlockVault } from '../src/byok/api-key-manager';
import { ALL_STORES, CONVERSATIONS_STORE, MESSAGES_STORE, SEARCH_SHARDS_STORE, writeInTransaction } from '../src/byok/conversations/conversation-database';
import { sealMessage, sealMeta, type MessageRecord, type MetaRecord, type RecordKey } from '../src/byok/conversations/conversation-records';
import { listConversations, loadMessages, loadRecentMessages, searchConversations } from '../src/byok/conversations/conversation-store';
import type { ConversationMeta, StoredMessage } from '../src/byok/conversations/conversation-types';
import { SEARCH_SHARD_COUNT, sealSearchShard, shardOf, type ShardTexts } from '../src/byok/conversations/search-shards';
import { createSearchText } from '../src/byok/conversations/search-text';
import { requireSession } from '../src/byok/vault/vault-session';
import { MESSAGES_FIRST_READ } from '../src/features/chat/render-window';

export interface SeedPlan {
  passphrase: string;
  conversations: number;
  messagesPerConversation: number;
  charactersPerMessage: number;
  /** One extra conversation with this many messages, imported last so it is the newest. */
  longConversationMessages: number;
  /** Put into one message of every `searchEvery`-th conversation. */
  searchWord: string;
  searchEvery: number;
}

const FILLER = 'The quick brown fox jumps over the lazy dog while the model explains streaming, caching and markdown rendering. ';

function messageText(length: number, index: number, extra: string): string {
  const text = `Message ${index}. ${FILLER.repeat(Math.ceil(length / FILLER.length))}`.slice(0, length);
  return extra === '' ? text : `${text} ${extra}`;
}

interface Conversation {
  meta: ConversationMeta;
  messages: StoredMessage[];
}

function buildConversation(title: string, count: number, characters: number, searchWord: string, updatedAt: number): Conversation {
  const id = crypto.randomUUID();
  const messages = Array.from({ length: count }, (_, sequence): StoredMessage => ({
    id: crypto.randomUUID(), conversationId: id, sequence, role: sequence % 2 === 0 ? 'user' : 'assistant', status: 'complete', createdAt: updatedAt + sequence,
    content: messageText(characters, sequence, sequence === count - 1 ? searchWord : ''),
  }));
  const meta: ConversationMeta = {
    id, title, provider: 'openai', model: 'gpt-4o', settings: {}, createdAt: updatedAt, updatedAt,
    totalCost: 0, totalInputTokens: 0, totalOutputTokens: 0, messageCount: count,
  };
  return { meta, messages };
}

interface SealedConversation {
  meta: MetaRecord;
  messages: MessageRecord[];
}

/** Each conversation's search text, by shard: the shards are sealed and written once, at the end. */
const shardTexts: ShardTexts[] = Array.from({ length: SEARCH_SHARD_COUNT }, () => new Map());

async function seal(key: RecordKey, conversation: Conversation): Promise<SealedConversation> {
  const { id, title } = conversation.meta;
  shardTexts[shardOf(id)]?.set(id, JSON.stringify(createSearchText(title, conversation.messages)));
  return {
    meta: await sealMeta(key, conversation.meta),
    messages: await Promise.all(conversation.messages.map((message) => sealMessage(key, message))),
  };
}

async function writeShards(key: RecordKey): Promise<void> {
  const shards = await Promise.all(shardTexts.map((texts, shard) => sealSearchShard(key, shard, texts)));
  await writeInTransaction([SEARCH_SHARDS_STORE], 'Seeding the search shards', (transaction) => {
    for (const shard of shards) transaction.objectStore(SEARCH_SHARDS_STORE).put(shard);
  });
}

/**
 * The records are exactly those importConversation writes (the store's own seal functions), but
 * many conversations go into one transaction, and each search shard is written once: a transaction per conversation takes over a minute
 * for 1,000 on two cores, and the bench must finish in ten.
 */
async function writeBatch(batch: SealedConversation[]): Promise<void> {
  await writeInTransaction(ALL_STORES, 'Seeding conversations', (transaction) => {
    for (const sealed of batch) {
      transaction.objectStore(CONVERSATIONS_STORE).put(sealed.meta);
      for (const message of sealed.messages) transaction.objectStore(MESSAGES_STORE).put(message);
    }
  });
}

async function seed(plan: SeedPlan): Promise<{ longId: string; longTitle: string; ms: number; matches: number }> {
  const started = performance.now();
  await unlockVault(plan.passphrase);
  const { header, dek } = requireSession();
  const key: RecordKey = { dek, vaultId: header.vaultId };
  const base = Date.now() - plan.conversations * 1000;
  let matches = 0;
  for (let first = 0; first < plan.conversations; first += 50) {
    const batch: Conversation[] = [];
    for (let index = first; index < Math.min(first + 50, plan.conversations); index += 1) {
      const marked = index % plan.searchEvery === 0;
      if (marked) matches += 1;
      batch.push(buildConversation(`Bench conversation ${index}`, plan.messagesPerConversation, plan.charactersPerMessage, marked ? plan.searchWord : '', base + index * 1000));
    }
    await writeBatch(await Promise.all(batch.map((conversation) => seal(key, conversation))));
  }
  const longTitle = 'Bench long conversation';
  // Newest of all, so it is the first entry of the list.
  const long = buildConversation(longTitle, plan.longConversationMessages, plan.charactersPerMessage, '', Date.now());
  if (plan.longConversationMessages > 0) await writeBatch([await seal(key, long)]);
  await writeShards(key);
  return { longId: plan.longConversationMessages > 0 ? long.meta.id : '', longTitle, ms: performance.now() - started, matches };
}

/** B7 through the store functions directly (the path the chat UI takes, minus React). */
async function timeStore(conversationId: string, query: string): Promise<{ list: number; openRecent: number; open: number; search: number; searchWarm: number; found: number }> {
  let at = performance.now();
  await listConversations();
  const list = performance.now() - at;
  // What the chat reads first (the newest messages), then what it reads after that paint (all).
  at = performance.now();
  await loadRecentMessages(conversationId, MESSAGES_FIRST_READ);
  const openRecent = performance.now() - at;
  at = performance.now();
  await loadMessages(conversationId);
  const open = performance.now() - at;
  at = performance.now();
  const found = (await searchConversations(query)).length;
  const search = performance.now() - at;
  // Again, with the session's search cache now filled (as the app's background fill leaves it).
  at = performance.now();
  await searchConversations(query);
  return { list, openRecent, open, search, searchWarm: performance.now() - at, found };
}

const api = { seed, timeStore, unlock: unlockVault };
(window as Window & { __benchSeed?: typeof api }).__benchSeed = api;
export type BenchSeed = typeof api;
