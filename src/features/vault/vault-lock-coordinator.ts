// Everything that locks the vault, in one place (security.md R11–R15): the lock button, the idle
// timeout (also checked by src/byok at every use), `pagehide` and `freeze`, a lock in another tab,
// and another tab about to replace the vault's key material (passphrase change, rotation, import).
// Lock means wiped: the vault store and every registered wipe (chat store with its drafts, the
// React Query cache) are cleared, requests in flight are aborted by src/byok, then the page reloads
// so no string survives in memory (once a draft typed a moment before the lock is written, sealed
// while the key was still there: at most RELOAD_WAIT_MS later). A page locked while hidden or
// frozen reloads when it comes back.
import { isVaultUnlocked, lockVault, lockWritesDone, onVaultLocked, onVaultReplacing, touchActivity } from '../../byok/api-key-manager';
import { useVaultStore } from './vault-store';

const CHANNEL_NAME = 'vivim-byok-vault';
/** The only message that ever crosses tabs: it carries no secret (R13). */
const LOCK_MESSAGE = 'lock';
const IDLE_CHECK_INTERVAL_MS = 1000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

let channel: BroadcastChannel | null = null;
/** Only a lock by hand spreads to the other tabs; idle and pagehide are about this tab alone. */
let broadcastNextLock = false;
/** A page being hidden is going away, into the bfcache or frozen: wipe it now, reload when it is back. */
let pageHiding = false;
let lockedWhileHiding = false;
let reloading = false;
const wipes = new Set<() => void>();
/**
 * The longest a reload waits for writes sealed at the lock (a draft typed a moment before). The
 * memory is wiped at once either way; only the reload, which would cut the writes short, waits.
 */
export const RELOAD_WAIT_MS = 500;

/** app/ registers what holds decrypted data outside the vault store (chat store, query cache). */
export function registerLockWipe(wipe: () => void): () => void {
  wipes.add(wipe);
  return () => wipes.delete(wipe);
}

/** Reloads once what the lock sealed (vault-session.ts onVaultLocking) is written, or after RELOAD_WAIT_MS. */
function reloadAfterWrites(): void {
  const cap = new Promise((resolve) => setTimeout(resolve, RELOAD_WAIT_MS));
  void Promise.race([lockWritesDone(), cap]).then(reloadOnce);
}

function wipeEverything(): void {
  useVaultStore.getState().wipe();
  for (const wipe of wipes) {
    try {
      wipe();
    } catch {
      // One failing wipe must not keep the others, or the reload, from happening.
    }
  }
}

function reloadOnce(): void {
  if (reloading) return;
  reloading = true;
  window.location.reload();
}

function finishLock(): void {
  if (broadcastNextLock) channel?.postMessage(LOCK_MESSAGE);
  broadcastNextLock = false;
  wipeEverything();
  if (pageHiding) {
    lockedWhileHiding = true;
    return;
  }
  reloadAfterWrites();
}

/** Locks this tab by hand; the other tabs follow through the channel. */
export function lockEverywhere(): void {
  broadcastNextLock = true;
  lockVault();
}

function recordActivity(event: Event): void {
  // Only the user's own input counts as activity, never a script's synthetic event (R11).
  if (event.isTrusted) touchActivity();
}

/** Back from the bfcache or from a freeze: a page that locked meanwhile starts again from clean memory. */
function comeBack(persisted: boolean): void {
  pageHiding = false;
  if (persisted || lockedWhileHiding) reloadOnce();
}

/** Starts listening; returns a function that stops. Called once by app/. */
export function startVaultLockCoordinator(): () => void {
  channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
  channel?.addEventListener('message', (event: MessageEvent) => {
    if (event.data === LOCK_MESSAGE && isVaultUnlocked()) lockVault();
  });
  const stopListening = onVaultLocked(finishLock);
  // Before another tab's header goes stale, it is told to lock (the message carries no secret).
  const stopReplacing = onVaultReplacing(() => channel?.postMessage(LOCK_MESSAGE));
  const onPageHide = () => {
    pageHiding = true;
    lockVault();
  };
  const onPageShow = (event: PageTransitionEvent) => comeBack(event.persisted);
  const onResume = () => comeBack(false);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);
  document.addEventListener('freeze', onPageHide);
  document.addEventListener('resume', onResume);
  for (const name of ACTIVITY_EVENTS) window.addEventListener(name, recordActivity, { passive: true, capture: true });
  // isVaultUnlocked() itself locks once the idle timeout has passed; this just asks often.
  const idleTimer = window.setInterval(() => {
    if (useVaultStore.getState().status === 'unlocked') isVaultUnlocked();
  }, IDLE_CHECK_INTERVAL_MS);

  return () => {
    stopListening();
    stopReplacing();
    window.clearInterval(idleTimer);
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('pageshow', onPageShow);
    document.removeEventListener('freeze', onPageHide);
    document.removeEventListener('resume', onResume);
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, recordActivity, { capture: true });
    channel?.close();
    channel = null;
  };
}
