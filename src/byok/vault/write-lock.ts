// One vault writer at a time, across every tab of the origin (issue: a second tab silently undid a
// passphrase change by resealing the header it held in memory). Browsers queue Web Lock requests
// with the same name across tabs and workers; where there is no Web Locks API (Node tests, very
// old browsers) a promise queue still serialises this page's own writes.
export const VAULT_WRITE_LOCK = 'vivim-byok-vault-write';

let localQueue: Promise<unknown> = Promise.resolve();

function runInLocalQueue<T>(task: () => Promise<T>): Promise<T> {
  const result = localQueue.then(task, task);
  localQueue = result.catch(() => undefined);
  return result;
}

/**
 * Runs `task` holding the vault write lock. Never nest: a task that asks for the lock again would
 * wait for itself. Everything a task decides must be read inside it (stored header, records).
 */
export function withVaultWriteLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'object' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  if (locks === undefined) return runInLocalQueue(task);
  // Also through the local queue, so resetForTests and friends can wait for this page's writes.
  return runInLocalQueue(() => locks.request(VAULT_WRITE_LOCK, { mode: 'exclusive' }, task) as Promise<T>);
}

/** Resolves once every write this page queued so far has finished. */
export async function waitForLocalVaultWrites(): Promise<void> {
  await localQueue.catch(() => undefined);
}
