// Hash routes (#/vault, #/models, #/chat, #/chat/:id): they work from a static host and offline,
// with no server rewrite rules, and the service worker only ever serves index.html.
import { useSyncExternalStore } from 'react';

export type Destination = 'vault' | 'models' | 'chat';

export interface HashRoute {
  destination: Destination;
  /** The `:id` of `#/chat/:id`, when there is one. */
  conversationId: string | null;
}

export const DEFAULT_DESTINATION: Destination = 'vault';

export function parseHashRoute(hash: string): HashRoute {
  const [first, second] = hash.replace(/^#\/?/, '').split('/');
  if (first === 'models') return { destination: 'models', conversationId: null };
  if (first === 'chat') return { destination: 'chat', conversationId: second ? decodeURIComponent(second) : null };
  return { destination: first === 'vault' ? 'vault' : DEFAULT_DESTINATION, conversationId: null };
}

export function hrefFor(destination: Destination, conversationId?: string): string {
  return conversationId ? `#/${destination}/${encodeURIComponent(conversationId)}` : `#/${destination}`;
}

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): HashRoute {
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash, () => '');
  return parseHashRoute(hash);
}
