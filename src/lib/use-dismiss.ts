// Closing a small menu the way people expect: Escape closes it and puts the focus back on the
// button that opened it; a press anywhere else, or the focus moving on past the button and the
// menu (Tab), closes it and leaves the focus where it went.
import { useEffect, type RefObject } from 'react';

/** While `open`, calls `close` once the reader is done with the menu and the button that opened it. */
export function useDismiss(trigger: RefObject<HTMLElement | null>, menu: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  useEffect(() => {
    const parts = [trigger.current, menu.current].filter((part): part is HTMLElement => part !== null);
    if (!open || parts.length === 0) return;
    const inside = (node: EventTarget | null): boolean => node instanceof Node && parts.some((part) => part.contains(node));
    const onPointerDown = (event: PointerEvent) => {
      if (!inside(event.target)) close();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Used up here: the Escape that closes a menu does not also stop a reply, nor close the
      // modal drawer the menu is in (the browser's own Escape for a <dialog> is its default action).
      event.stopPropagation();
      event.preventDefault();
      close();
      trigger.current?.focus();
    };
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget !== null && !inside(event.relatedTarget)) close();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    for (const part of parts) {
      part.addEventListener('keydown', onKeyDown);
      part.addEventListener('focusout', onFocusOut);
    }
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      for (const part of parts) {
        part.removeEventListener('keydown', onKeyDown);
        part.removeEventListener('focusout', onFocusOut);
      }
    };
  }, [trigger, menu, open, close]);
}
