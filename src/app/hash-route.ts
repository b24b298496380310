// Hash routes (#/vault, #/models, #/chat, #/chat/:id): they work from a static host and offline,
// with no server rewrite rules, and the service worker only ever serves index.html.
import { startTransition, useEffect, useState } from 'react';

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

/**
 * The current route. A route change is a transition: the old screen stays until the new one is
 * ready, instead of a "Loading…" fallback that React keeps on screen for at least 300 ms.
 */
export function useHashRoute(): HashRoute {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => startTransition(() => setHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parseHashRoute(hash);
}
