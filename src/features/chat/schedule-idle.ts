// Work that can wait for a quiet moment (upgrading older messages, filling the search cache).
// Safari has no requestIdleCallback; a short timeout is the usual stand-in there.
export function scheduleIdle(task: () => void, timeoutMs = 500): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, 16);
  return () => window.clearTimeout(handle);
}
