// Each screen is its own lazily loaded chunk, so the first screen downloads only what it shows
// (performance.md B1). Once the vault is unlocked the other chunks are fetched in the background,
// so moving to another screen does not wait for the network.
import { lazy } from 'react';
import type { Destination } from './hash-route';

const LOADERS: Record<Destination, () => Promise<{ default: () => React.JSX.Element }>> = {
  vault: () => import('./screens/vault-route'),
  models: () => import('./screens/models-route'),
  chat: () => import('./screens/chat-route'),
};

export const SCREENS: Record<Destination, { label: string; component: ReturnType<typeof lazy> }> = {
  vault: { label: 'Vault', component: lazy(LOADERS.vault) },
  models: { label: 'Models', component: lazy(LOADERS.models) },
  chat: { label: 'Chat', component: lazy(LOADERS.chat) },
};

export const DESTINATIONS: Destination[] = ['vault', 'models', 'chat'];

/** Warms the module cache; the lazy component then resolves without a network round trip. */
export function preloadScreen(destination: Destination): void {
  void LOADERS[destination]().catch(() => undefined);
}

/**
 * Every screen, started right after the next paint, so compiling the other screens' chunks does
 * not delay the first paint after unlocking (B5), yet they are ready when the user moves on (B7's
 * list follows the unlock at once). Returns a cancel function.
 */
export function preloadScreens(): () => void {
  let timer = 0;
  const frame = window.requestAnimationFrame(() => {
    timer = window.setTimeout(() => {
      for (const destination of DESTINATIONS) preloadScreen(destination);
    }, 0);
  });
  return () => {
    window.cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}
