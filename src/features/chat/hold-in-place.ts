// Keeps what the reader sees still while something above it changes height: older messages mounted
// above (message-list.tsx).
import { anchorShift, firstVisibleIndex } from './render-window';

export interface Anchor {
  element: Element;
  top: number;
}

/** The first mounted message still in view, and where it is on the screen. */
export function findAnchor(container: HTMLElement): Anchor | null {
  const items = [...container.querySelectorAll('ol[aria-label="Messages"] > li')];
  const element = items[firstVisibleIndex(items.map((item) => item.getBoundingClientRect().bottom), container.getBoundingClientRect().top)];
  return element ? { element, top: element.getBoundingClientRect().top } : null;
}

const HOLD_FRAMES = 60;
const STABLE_FRAMES = 5;

/**
 * Keeps `anchor` where it was: now (before paint), then each frame until nothing moved for a few
 * frames, since replies mounted above shrink from their placeholder size as they are first drawn.
 * Any input of the reader's own ends it at once. Returns a stop.
 */
export function holdInPlace(container: HTMLElement, anchor: Anchor): () => void {
  let frame = 0;
  let stable = 0;
  let handle = 0;
  const stop = () => {
    cancelAnimationFrame(handle);
    for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) container.removeEventListener(type, stop);
  };
  const correct = () => {
    const shift = anchorShift(anchor.top, anchor.element.getBoundingClientRect().top);
    if (shift !== 0) container.scrollTop += shift;
    stable = shift === 0 ? stable + 1 : 0;
    frame += 1;
    if (frame < HOLD_FRAMES && stable < STABLE_FRAMES && anchor.element.isConnected) handle = requestAnimationFrame(correct);
    else stop();
  };
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) container.addEventListener(type, stop, { passive: true });
  correct();
  return stop;
}
