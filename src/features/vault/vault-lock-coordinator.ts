// Everything that locks the vault, in one place (security.md R11–R15): the lock button, the idle
// timeout (also checked by src/byok at every use), `pagehide`, and a lock in another tab.
// Locking drops the key, wipes the store and reloads the page so no string survives in memory.
import { isVaultUnlocked, lockVault, onVaultLocked, setIdleTimeout, touchActivity } from '../../byok/api-key-manager';
import { readPreference } from '../../lib/preferences';
import { useVaultStore } from './vault-store';

const CHANNEL_NAME = 'vivim-byok-vault';
/** The only message that ever crosses tabs: it carries no secret (R13). */
const LOCK_MESSAGE = 'lock';
const IDLE_CHECK_INTERVAL_MS = 1000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

let channel: BroadcastChannel | null = null;
/** Only a lock by hand spreads to the other tabs; idle and pagehide are about this tab alone. */
let broadcastNextLock = false;
/** A page being hidden is going away or into the bfcache: wipe it, but do not reload it now. */
let pageHiding = false;
let reloading = false;

function finishLock(): void {
  if (broadcastNextLock) channel?.postMessage(LOCK_MESSAGE);
  broadcastNextLock = false;
  useVaultStore.getState().wipe();
  if (pageHiding || reloading) return;
  reloading = true;
  window.location.reload();
}

/** Locks this tab by hand; the other tabs follow through the channel. */
export function lockEverywhere(): void {
  broadcastNextLock = true;
  lockVault();
}

export async function applyAutoLockMinutes(minutes: number): Promise<void> {
  setIdleTimeout(minutes * 60_000);
}

function recordActivity(event: Event): void {
  // Only the user's own input counts as activity, never a script's synthetic event (R11).
  if (event.isTrusted) touchActivity();
}

/** Starts listening; returns a function that stops. Called once by app/. */
export function startVaultLockCoordinator(): () => void {
  channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
  channel?.addEventListener('message', (event: MessageEvent) => {
    if (event.data === LOCK_MESSAGE && isVaultUnlocked()) lockVault();
  });
  const stopListening = onVaultLocked(finishLock);
  const onPageHide = () => {
    pageHiding = true;
    lockVault();
  };
  // Back from the bfcache: reload, so the restored page starts from a clean, locked memory (R15).
  const onPageShow = (event: PageTransitionEvent) => {
    pageHiding = false;
    if (event.persisted) window.location.reload();
  };
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);
  document.addEventListener('freeze', onPageHide);
  for (const name of ACTIVITY_EVENTS) window.addEventListener(name, recordActivity, { passive: true, capture: true });
  // isVaultUnlocked() itself locks once the idle timeout has passed; this just asks often.
  const idleTimer = window.setInterval(() => {
    if (useVaultStore.getState().status === 'unlocked') isVaultUnlocked();
  }, IDLE_CHECK_INTERVAL_MS);
  void readPreference('autoLockMinutes').then(applyAutoLockMinutes);

  return () => {
    stopListening();
    window.clearInterval(idleTimer);
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('pageshow', onPageShow);
    document.removeEventListener('freeze', onPageHide);
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, recordActivity, { capture: true });
    channel?.close();
    channel = null;
  };
}
