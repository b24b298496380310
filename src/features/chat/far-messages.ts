// Messages far from the viewport are kept as their text only (performance.md B8: a long
// conversation's heap stays flat). A finished reply that has scrolled screens away keeps, fully
// mounted, its React tree, its renderer's block objects and every DOM wrapper those hold; none of
// it shows. So once a message at least a screen high is more than a few screens away and the
// page is idle, it is collapsed: one list item of the height it had, holding its words as plain text, so find-in-page
// and screen readers still find them and nothing on screen moves. It is mounted again as it comes
// within a screen of the viewport (before it can be seen), or when it gets the focus.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { StoredMessage } from '../../byok/conversations/conversation-types';
import { holdView, noteView } from './hold-in-place';

/** Collapsed once wholly further than this from the viewport (in viewport heights). */
export const COLLAPSE_BEYOND_SCREENS = 3;
/** Mounted again once within this of the viewport: less than the above, so a message never flips back and forth. */
export const EXPAND_WITHIN_SCREENS = 1;

/** Message id → the height (px) its collapsed item keeps. */
export type CollapsedMessages = ReadonlyMap<string, number>;

/** The words a collapsed message keeps in the page, or null when it is not worth collapsing. */
export function collapsedText(message: StoredMessage): string | null {
  if (message.role !== 'user' && message.role !== 'assistant') return null;
  if (message.status === 'streaming' || typeof message.content !== 'string' || (message.toolCalls?.length ?? 0) > 0) return null;
  return message.content;
}

/** What the reader is using: the focus, the selection, an open form or section. Never collapsed. */
export function isInUse(element: Element): boolean {
  if (element.contains(document.activeElement)) return true;
  const selection = document.getSelection();
  if (selection !== null && selection.rangeCount > 0 && selection.containsNode(element, true) && !selection.isCollapsed) return true;
  return element.querySelector('form, textarea, details[open]') !== null;
}

type IdleCallback = (callback: () => void) => void;
const whenIdle: IdleCallback = (callback) => {
  const idle = (globalThis as { requestIdleCallback?: (callback: () => void, options: { timeout: number }) => number }).requestIdleCallback;
  if (typeof idle === 'function') idle(callback, { timeout: 2000 });
  else setTimeout(callback, 50);
};

/**
 * Watches the list's items (`list`'s children, in the order of `shown`) inside the scrolling
 * `container`, and says which messages are collapsed. The newest message never is: it is where
 * replies stream and where the reader is.
 */
export function useFarMessages(container: RefObject<HTMLElement | null>, list: RefObject<HTMLOListElement | null>, shown: StoredMessage[]): {
  collapsed: CollapsedMessages;
  /** Mounts a collapsed message again; `focused`: it had the focus, which its mounted item takes over. */
  expand(id: string, focused?: boolean): void;
} {
  const [collapsed, setCollapsed] = useState<CollapsedMessages>(() => new Map());
  const idOf = useRef(new WeakMap<Element, string>());
  const latest = useRef(shown);
  /** Far items (and their height then) waiting for an idle moment. */
  const far = useRef(new Map<Element, number>());
  const idleQueued = useRef(false);
  const observers = useRef<IntersectionObserver[]>([]);
  const observed = useRef(new Set<Element>());
  /** A collapsed item that got the focus (Tab): its mounted message takes the focus over. */
  const refocus = useRef<string | null>(null);
  /** The scrolling container's height when its items were last measured. */
  const screenHeight = useRef(Infinity);

  const observeItems = useCallback(() => {
    for (const item of observed.current) {
      if (item.isConnected) continue;
      for (const observer of observers.current) observer.unobserve(item);
      observed.current.delete(item);
    }
    const items = list.current?.children;
    if (items === undefined || observers.current.length === 0) return;
    latest.current.forEach((message, index) => {
      const item = items[index];
      if (item === undefined) return;
      idOf.current.set(item, message.id);
      if (observed.current.has(item)) return;
      observed.current.add(item);
      for (const observer of observers.current) observer.observe(item);
    });
  }, [list]);

  /** The collapsed messages as last committed. */
  const collapsedNow = useRef<CollapsedMessages>(collapsed);
  /** Mounted again on request, not committed yet: the view is held once they are. */
  const expanding = useRef(new Set<string>());
  /** The scrolling container, while watched. */
  const scroller = useRef<HTMLElement | null>(null);

  const expand = useCallback((id: string, focused = false) => {
    if (focused) refocus.current = id;
    // Mounted again, it is not the height it kept (measured with parts of it skipped by
    // content-visibility, at their estimated size), and the browser's scroll anchoring did not make
    // up for it: what the reader saw jumped by the difference (e2e/chat-far-messages.spec.ts).
    const root = scroller.current;
    if (root !== null && collapsedNow.current.has(id) && !expanding.current.has(id)) {
      expanding.current.add(id);
      noteView(root);
    }
    setCollapsed((current) => {
      if (!current.has(id)) return current;
      const next = new Map(current);
      next.delete(id);
      return next;
    });
  }, []);

  const collapseFar = useCallback(() => {
    idleQueued.current = false;
    const messages = latest.current;
    const newest = messages[messages.length - 1]?.id;
    const byId = new Map(messages.map((message) => [message.id, message]));
    // A short message holds little; leaving it mounted also keeps it as the anchor that holds
    // the view still while older messages mount above it (message-list.tsx).
    const screen = screenHeight.current;
    const chosen: Array<[string, number]> = [];
    for (const [element, height] of far.current) {
      const id = idOf.current.get(element);
      const message = id === undefined ? undefined : byId.get(id);
      if (id === undefined || message === undefined || id === newest || height < screen || !element.isConnected || collapsedText(message) === null || isInUse(element)) continue;
      chosen.push([id, height]);
    }
    far.current.clear();
    if (chosen.length === 0) return;
    setCollapsed((current) => {
      const next = new Map(current);
      for (const [id, height] of chosen) next.set(id, height);
      return next;
    });
  }, []);

  useEffect(() => {
    const root = container.current;
    if (root === null || typeof IntersectionObserver === 'undefined') return;
    const margin = (screens: number): string => `${screens * 100}% 0px`;
    const near = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        far.current.delete(entry.target);
        const id = idOf.current.get(entry.target);
        if (id !== undefined) expand(id);
      }
    }, { root, rootMargin: margin(EXPAND_WITHIN_SCREENS) });
    const distant = new IntersectionObserver((entries) => {
      screenHeight.current = root.clientHeight;
      for (const entry of entries) {
        if (entry.isIntersecting) far.current.delete(entry.target);
        else far.current.set(entry.target, entry.boundingClientRect.height);
      }
      if (far.current.size > 0 && !idleQueued.current) {
        idleQueued.current = true;
        whenIdle(collapseFar);
      }
    }, { root, rootMargin: margin(COLLAPSE_BEYOND_SCREENS) });
    observers.current = [near, distant];
    scroller.current = root;
    observeItems();
    const watched = observed.current;
    return () => {
      scroller.current = null;
      near.disconnect();
      distant.disconnect();
      observers.current = [];
      watched.clear();
    };
  }, [container, expand, collapseFar, observeItems]);

  /** Holds the view once a message asked for is mounted again (in the commit that mounts it). */
  const holdExpanded = () => {
    let mounted = false;
    for (const id of expanding.current) {
      if (collapsed.has(id)) continue;
      expanding.current.delete(id);
      mounted = true;
    }
    const root = scroller.current;
    if (mounted && root !== null) holdView(root);
  };

  // After every commit: the items may have changed (older messages mounted, one collapsed).
  useLayoutEffect(() => {
    latest.current = shown;
    collapsedNow.current = collapsed;
    observeItems();
    holdExpanded();
    const id = refocus.current;
    if (id === null || collapsed.has(id)) return;
    refocus.current = null;
    const index = shown.findIndex((message) => message.id === id);
    const item = index < 0 ? undefined : list.current?.children[index];
    if (!(item instanceof HTMLElement)) return;
    // Focusable from script only, so the next Tab goes on into the message's own controls.
    item.setAttribute('tabindex', '-1');
    item.focus({ preventScroll: true });
  });

  return { collapsed, expand };
}
