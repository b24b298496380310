import { useSyncExternalStore } from 'react';
import { isVaultUnlocked, onVaultLocked } from '../../byok/api-key-manager';

// Unlocking happens on the vault screen, so the value read when this screen renders is current;
// locking can happen while it is open (idle timer, another tab), hence the subscription.
function subscribeToVaultLock(onChange: () => void): () => void {
  return onVaultLocked(() => onChange());
}

export function useVaultUnlocked(): boolean {
  return useSyncExternalStore(subscribeToVaultLock, isVaultUnlocked, () => false);
}
