// Each screen is its own lazily loaded chunk, so the first screen downloads only what it shows
// (performance.md B1).
import { lazy } from 'react';
import type { Destination } from './hash-route';

export const SCREENS: Record<Destination, { label: string; component: ReturnType<typeof lazy> }> = {
  vault: { label: 'Vault', component: lazy(() => import('./screens/vault-route')) },
  models: { label: 'Models', component: lazy(() => import('./screens/models-route')) },
  chat: { label: 'Chat', component: lazy(() => import('./screens/chat-route')) },
};

export const DESTINATIONS: Destination[] = ['vault', 'models', 'chat'];
