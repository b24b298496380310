// Opening a long conversation renders only its newest messages in full (the ones on screen at the
// bottom); older ones start plain and are upgraded a step at a time when the page is idle, in a
// transition so typing or scrolling always goes first (performance.md B7: open ≤ 100 ms).
import { startTransition, useEffect, useState } from 'react';
import { firstFullIndex, upgradedFirstFull } from './render-window';
import { scheduleIdle } from './schedule-idle';

interface Progress {
  conversationId: string | null;
  firstFull: number;
}

/** Index of the oldest message to render in full; everything before it renders plain. */
export function useProgressiveMessages(conversationId: string | null, total: number): number {
  const [progress, setProgress] = useState<Progress>(() => ({ conversationId, firstFull: firstFullIndex(total) }));
  // Another conversation in the same list: start again from its newest messages (set in render,
  // React's pattern for state derived from a changed prop, so no frame shows the wrong split).
  let current = progress;
  if (progress.conversationId !== conversationId) {
    current = { conversationId, firstFull: firstFullIndex(total) };
    setProgress(current);
  }
  const firstFull = Math.min(current.firstFull, total);

  useEffect(() => {
    if (firstFull === 0) return;
    return scheduleIdle(() => {
      startTransition(() => setProgress((previous) => ({ ...previous, firstFull: upgradedFirstFull(Math.min(previous.firstFull, total)) })));
    });
  }, [firstFull, total]);

  return firstFull;
}
