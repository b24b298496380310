// Reads the reader is waiting for come first. Opening a conversation reads its newest messages;
// if the search cache's background fill reads a chunk of search records at the same moment, the
// database answers the open after that chunk, and the page spends several milliseconds taking
// the chunk in (performance.md B7 open). So the fill asks `untilForegroundDone` between chunks,
// and an open holds background reads until its messages are on screen.

let holds = 0;
let waiting: Array<() => void> = [];

/** Background reads wait until the returned release is called (call it exactly once). */
export function holdBackgroundReads(): () => void {
  holds += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds -= 1;
    if (holds > 0) return;
    const resume = waiting;
    waiting = [];
    for (const go of resume) go();
  };
}

/** Resolves at once when nothing holds background reads, else when the last hold is released. */
export function untilForegroundDone(): Promise<void> {
  if (holds === 0) return Promise.resolve();
  return new Promise((resolve) => waiting.push(resolve));
}
