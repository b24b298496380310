import { useEffect, useState } from 'react';

/** Whole seconds left until `timestamp` (ms), following the clock a few times a second. */
export function useSecondsUntil(timestamp: number): number {
  const [secondsLeft, setSecondsLeft] = useState(() => Math.max(0, Math.ceil((timestamp - Date.now()) / 1000)));
  useEffect(() => {
    const update = () => setSecondsLeft(Math.max(0, Math.ceil((timestamp - Date.now()) / 1000)));
    update();
    const timer = window.setInterval(update, 250);
    return () => window.clearInterval(timer);
  }, [timestamp]);
  return secondsLeft;
}
