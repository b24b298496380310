// Several tabs of the app share one conversation database. Three things keep them from undoing
// each other (the stale-view check itself is in conversation-tail.ts):
// - Writes are exclusive across tabs, not only within one: a search-record update is
//   read-decrypt-modify-encrypt-write, and two tabs doing it at once would lose one update.
//   The Web Locks API gives a same-origin mutex that the browser releases if a tab dies.
// - A tab streaming a reply holds a lock named after that message, so another tab that reads the
//   'streaming' record knows it is alive and does not rewrite it as 'interrupted'.
// - After a write, the other tabs hear which conversation changed (its id only: ids are random and
//   already plain on disk; no text, title or key crosses, security.md R13), so they drop that
//   conversation's search text and can show the new messages.
// Where the Web Locks API is missing (Node, tests) there is one tab, and a plain queue does.

export const CONVERSATION_WRITE_LOCK = 'vivim-byok-conversation-writes';
const STREAMING_LOCK_PREFIX = 'vivim-byok-streaming:';
export const CONVERSATION_CHANNEL = 'vivim-byok-conversations';

interface LockManagerLike {
  request(name: string, callback: () => Promise<unknown>): Promise<unknown>;
  query(): Promise<{ held?: Array<{ name?: string }> }>;
}

function lockManager(): LockManagerLike | null {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return locks && typeof locks.request === 'function' ? locks : null;
}

let writeQueue: Promise<unknown> = Promise.resolve();

/** Runs `task` when no other write runs, in this tab or another. */
export function runExclusiveAcrossTabs<T>(task: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  const exclusive = locks ? () => locks.request(CONVERSATION_WRITE_LOCK, task) as Promise<T> : task;
  const result = writeQueue.then(exclusive, exclusive);
  writeQueue = result.catch(() => undefined);
  return result;
}

/** The lock a tab holds while it streams that message (every tab of the origin can see it). */
export const streamingLockName = (conversationId: string, messageId: string): string => `${STREAMING_LOCK_PREFIX}${conversationId}:${messageId}`;

/** Releases of the streaming locks this tab holds, by lock name. */
const heldStreamingLocks = new Map<string, () => void>();

/** This tab is streaming that message: until released, no tab takes its record for a crash's leftover. */
export function claimStreaming(conversationId: string, messageId: string): void {
  const name = streamingLockName(conversationId, messageId);
  const locks = lockManager();
  if (heldStreamingLocks.has(name)) return;
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  heldStreamingLocks.set(name, release);
  if (locks) void locks.request(name, () => held).catch(() => undefined);
}

/** Lets go of this tab's claim on that message; false when it held none. */
export function releaseStreaming(conversationId: string, messageId: string): boolean {
  const name = streamingLockName(conversationId, messageId);
  heldStreamingLocks.get(name)?.();
  return heldStreamingLocks.delete(name);
}

/** When a conversation is deleted: its replies can no longer finish into it. */
export function releaseStreamingIn(conversationId: string): void {
  const prefix = streamingLockName(conversationId, '');
  for (const [name, release] of heldStreamingLocks) {
    if (!name.startsWith(prefix)) continue;
    release();
    heldStreamingLocks.delete(name);
  }
}

/** Tests only: as if the page had been reloaded. */
export function releaseAllStreaming(): void {
  for (const release of heldStreamingLocks.values()) release();
  heldStreamingLocks.clear();
}

/** Whether this tab or another one is streaming that message right now. */
export async function isStreamingInSomeTab(conversationId: string, messageId: string): Promise<boolean> {
  const name = streamingLockName(conversationId, messageId);
  if (heldStreamingLocks.has(name)) return true;
  const locks = lockManager();
  if (!locks) return false;
  const { held = [] } = await locks.query();
  return held.some((lock) => lock.name === name);
}

type ChangeListener = (conversationId: string) => void;

const listeners = new Set<ChangeListener>();
let channel: BroadcastChannel | null = null;

function isChangeMessage(data: unknown): data is { conversationId: string } {
  return typeof data === 'object' && data !== null && typeof (data as { conversationId?: unknown }).conversationId === 'string';
}

function openChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel !== 'function') return channel;
  channel = new BroadcastChannel(CONVERSATION_CHANNEL);
  channel.addEventListener('message', (event: MessageEvent) => {
    if (!isChangeMessage(event.data)) return;
    for (const listener of [...listeners]) {
      try {
        listener(event.data.conversationId);
      } catch {
        // One listener failing must not stop the others.
      }
    }
  });
  // In Node (tests, scripts) an open channel would keep the process alive.
  (channel as unknown as { unref?: () => void }).unref?.();
  return channel;
}

/** Tells the other tabs that this conversation's records changed. */
export function announceConversationChanged(conversationId: string): void {
  openChannel()?.postMessage({ conversationId });
}

/** Runs `listener` when another tab changed a conversation; returns an unsubscribe. */
export function onConversationChangedElsewhere(listener: ChangeListener): () => void {
  openChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
