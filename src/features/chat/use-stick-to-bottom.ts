// Keeps the newest text in view while it streams, unless the reader scrolled up to read.
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useChatStore } from './chat-store';

/** How close to the end still counts as "at the end" when the reader scrolls there themselves. */
const AT_END_PX = 160;

export interface ScrollBox {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

/**
 * Whether a scroll event leaves the view following the stream. `endTop` is the scrollTop the list
 * itself last set to reach the end. Its own scroll event comes a frame later, and at full speed the
 * reply may have grown by screens in between; judged by distance alone, that read as the reader
 * having scrolled up, and the view stopped following. Only the reader moves the view above it.
 */
export function followsStream(box: ScrollBox, endTop: number | null): boolean {
  if (endTop !== null && box.scrollTop >= endTop - 1) return true;
  return box.scrollHeight - box.scrollTop - box.clientHeight < AT_END_PX;
}

/** Scrolls to the end; returns the scrollTop the browser clamped it to (layout is clean by then). */
function scrollToEnd(element: HTMLElement): number {
  element.scrollTop = element.scrollHeight;
  return element.scrollTop;
}

/**
 * Whether the reader is at the end is learnt from scroll events, not measured on every update:
 * reading scrollHeight after each delta forced a full layout per frame (the bench's B2 showed it).
 */
export function useStickToBottom(container: RefObject<HTMLDivElement | null>): void {
  const streamedLength = useChatStore((state) => state.streaming?.text.length ?? 0);
  const messageCount = useChatStore((state) => state.messages.length);
  const lastStatus = useChatStore((state) => state.messages[state.messages.length - 1]?.status);
  const pinned = useRef(true);
  const endTop = useRef<number | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onScroll = () => {
      pinned.current = followsStream(element, endTop.current);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    // The view itself changing size (a phone turned, a window resized, the keyboard opening) reflows
    // the messages: whoever was at the end stays there. Only the box is watched, not its content,
    // so a streaming update costs no observer callback (B2).
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(() => {
      if (pinned.current) endTop.current = scrollToEnd(element);
    }) : null;
    resized?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resized?.disconnect();
    };
  }, [container]);

  // In the same commit as the text it follows (a layout effect, after the reply's own): the frame
  // that paints an update does its one layout for both, and no extra frame is asked for.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element || !(pinned.current || streamedLength === 0)) return;
    endTop.current = scrollToEnd(element);
  }, [container, streamedLength, messageCount, lastStatus]);
}
