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

/** Longer hashes are not ours: ids are UUIDs, so a megabyte of hash is only ever an attack or a typo. */
export const MAX_HASH_LENGTH = 2048;
/** An id no conversation can have: the chat screen then says "Conversation not found". */
export const UNREADABLE_CONVERSATION_ID = '\u0000unreadable';

/** Never throws: a malformed escape (`#/chat/%E0`) or an oversized hash opens "not found". */
function decodeConversationId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return UNREADABLE_CONVERSATION_ID;
  }
}

export function parseHashRoute(hash: string): HashRoute {
  const oversized = hash.length > MAX_HASH_LENGTH;
  const [first, second] = hash.slice(0, MAX_HASH_LENGTH).replace(/^#\/?/, '').split('/');
  if (first === 'models') return { destination: 'models', conversationId: null };
  if (first === 'chat') {
    if (oversized) return { destination: 'chat', conversationId: UNREADABLE_CONVERSATION_ID };
    return { destination: 'chat', conversationId: second ? decodeConversationId(second) : null };
  }
  return { destination: first === 'vault' ? 'vault' : DEFAULT_DESTINATION, conversationId: null };
}

/** The installed app's start URL: where it goes depends on whether a vault exists. */
export const isStartRoute = (hash: string): boolean => hash === '' || hash === '#' || hash === '#/';

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
