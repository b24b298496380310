// The unlocked session: the DEK handle lives only in this module's private state. Locked means the
// reference is dropped. Every use checks the idle timeout first (security.md R11, R12), so a
// background tab whose timers were throttled still locks before the next decrypt.
import { BYOKError } from '../types';
import type { OpenVault } from './vault-lifecycle';
import type { VaultHeader } from './vault-header';

export const DEFAULT_IDLE_TIMEOUT_MS = 15 * 60_000;
/** The longest idle lock offered (R11: 1/5/15/30/60/240 minutes; there is no "never"). */
export const MAX_IDLE_TIMEOUT_MS = 240 * 60_000;

/** 'changed-elsewhere': another tab rotated the data key or restored a backup; this session is stale. */
export type VaultLockReason = 'manual' | 'idle' | 'changed-elsewhere';
type LockListener = (reason: VaultLockReason) => void;

let session: OpenVault | null = null;
let idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS;
let lastActivityAt = 0;
/** Conversation encryptions not yet added to the header's write counter (R6: every encryption counts). */
let pendingEncryptions = 0;
const lockListeners = new Set<LockListener>();
type LockingListener = () => Promise<unknown> | void;
const lockingListeners = new Set<LockingListener>();
let locking = false;
/** What the listeners of the last lock by hand started writing; settles when all of it has. */
let sealedAtLock: Promise<void> = Promise.resolve();

export function startSession(opened: OpenVault, at = Date.now()): void {
  session = { header: opened.header, dek: opened.dek, ...(opened.retiredDek ? { retiredDek: opened.retiredDek } : {}) };
  lastActivityAt = at;
}

/** Counts encryptions made with the session's DEK outside the vault (conversations); sealed on the next vault write. */
export function noteEncryptions(count: number): void {
  pendingEncryptions += count;
}

/** Hands the pending count to a header write; `restorePendingEncryptions` gives it back if the write fails. */
export function takePendingEncryptions(): number {
  const taken = pendingEncryptions;
  pendingEncryptions = 0;
  return taken;
}

export function restorePendingEncryptions(count: number): void {
  pendingEncryptions += count;
}

export function endSession(reason: VaultLockReason = 'manual'): void {
  // A lock by hand (the button, another tab's lock, the page going away) comes while the session
  // is still good: what exists only in memory, typed a moment ago, is sealed with it first. Not
  // after the idle timeout (R11: nothing is encrypted with a session past it), nor when another
  // tab replaced the key material (this DEK is no longer the vault's).
  if (reason === 'manual' && session !== null && !locking && !hasIdleExpired(Date.now())) {
    locking = true;
    const writes: Array<Promise<unknown> | void> = [];
    for (const listener of lockingListeners) {
      try {
        writes.push(listener());
      } catch {
        // Sealing is a courtesy: the lock goes ahead whatever a listener does.
      }
    }
    sealedAtLock = Promise.allSettled(writes).then(() => undefined);
    locking = false;
  }
  const wasUnlocked = session !== null;
  session = null;
  if (!wasUnlocked) return;
  for (const listener of lockListeners) {
    try {
      listener(reason);
    } catch {
      // A failing listener must not keep the vault from locking or stop the others.
    }
  }
}

function hasIdleExpired(now: number): boolean {
  return now - lastActivityAt >= idleTimeoutMs;
}

/** Synchronous; locks on the spot when the idle timeout has passed. */
export function isSessionOpen(now = Date.now()): boolean {
  if (session !== null && hasIdleExpired(now)) endSession('idle');
  return session !== null;
}

/** The open session, or VAULT_LOCKED (after locking it if it sat idle too long). */
export function requireSession(): OpenVault {
  if (!isSessionOpen()) throw new BYOKError('VAULT_LOCKED', 'The vault is locked: unlock it with your passphrase.');
  return session as OpenVault;
}

/** Replaces the header after a successful write (or after adopting another tab's); the DEK stays. */
export function updateSessionHeader(header: VaultHeader): void {
  if (session === null) return;
  session = { ...session, header };
  if (header.retiredDek === undefined) delete session.retiredDek;
}

/** The session as it is, without the idle check (for code already inside a checked operation). */
export function peekSession(): OpenVault | null {
  return session;
}

export function setIdleTimeout(milliseconds: number): void {
  // There is deliberately no "never" (R11).
  if (!Number.isFinite(milliseconds) || milliseconds <= 0 || milliseconds > MAX_IDLE_TIMEOUT_MS) {
    throw new RangeError('The idle timeout must be between 1 ms and 240 minutes.');
  }
  idleTimeoutMs = milliseconds;
}

export function getIdleTimeout(): number {
  return idleTimeoutMs;
}

/** Called by the UI on trusted input events. Activity after the timeout does not revive a session. */
export function touchActivity(at = Date.now()): void {
  if (!isSessionOpen(at)) return;
  lastActivityAt = Math.max(lastActivityAt, at);
}

/**
 * Runs synchronously at the start of a lock by hand, while the session can still encrypt: a
 * listener starts sealing what it holds in memory only (an encryption started now finishes after
 * the lock) and may return the write, which `lockWritesDone` then waits for. It must keep nothing.
 */
export function onVaultLocking(listener: LockingListener): () => void {
  lockingListeners.add(listener);
  return () => {
    lockingListeners.delete(listener);
  };
}

/** Settles once what the last lock by hand sealed is written (the page waits before it reloads). */
export function lockWritesDone(): Promise<void> {
  return sealedAtLock;
}

export function onVaultLocked(listener: LockListener): () => void {
  lockListeners.add(listener);
  return () => {
    lockListeners.delete(listener);
  };
}

export function resetSessionForTests(): void {
  session = null;
  idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS;
  lastActivityAt = 0;
  pendingEncryptions = 0;
  lockListeners.clear();
  lockingListeners.clear();
  sealedAtLock = Promise.resolve();
}
