// Heap snapshots over CDP for the heap-hygiene test (security.md T34, R14): of the page, and of a
// dedicated worker reached through the page's own CDP session (Playwright gives no CDP session to a
// worker, so the worker is auto-attached in non-flat mode and spoken to through the page's session).
import type { CDPSession, Page } from '@playwright/test';

interface CdpReply { id?: number; method?: string; params?: Record<string, unknown>; result?: unknown; error?: { message: string } }

/** Something that can run CDP commands and report CDP events: a page session or an attached worker. */
export interface HeapTarget {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  onEvent(method: string, listener: (params: Record<string, unknown>) => void): () => void;
}

export function pageHeapTarget(session: CDPSession): HeapTarget {
  return {
    send: (method, params) => session.send(method as never, params as never),
    onEvent(method, listener) {
      session.on(method as never, listener as never);
      return () => session.off(method as never, listener as never);
    },
  };
}

/** A worker attached under `session`, spoken to with Target.sendMessageToTarget. */
function attachedWorkerTarget(session: CDPSession, sessionId: string): HeapTarget & { closed: boolean } {
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Set<{ method: string; listener: (params: Record<string, unknown>) => void }>();
  const target = {
    closed: false,
    send(method: string, params: Record<string, unknown> = {}) {
      const id = nextId++;
      return new Promise<unknown>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      });
    },
    onEvent(method: string, listener: (params: Record<string, unknown>) => void) {
      const entry = { method, listener };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
  };
  session.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as CdpReply;
    if (reply.id !== undefined) {
      const waiter = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.error) waiter?.reject(new Error(reply.error.message));
      else waiter?.resolve(reply.result);
    } else if (reply.method) {
      for (const entry of listeners) if (entry.method === reply.method) entry.listener(reply.params ?? {});
    }
  });
  session.on('Target.detachedFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    target.closed = true;
    for (const waiter of pending.values()) waiter.reject(new Error('the worker went away'));
    pending.clear();
  });
  return target;
}

/** Watches the page's dedicated workers; `latest()` is the last one that started and is still alive. */
export async function watchWorkers(page: Page) {
  const session = await page.context().newCDPSession(page);
  const workers: Array<HeapTarget & { closed: boolean; title: string }> = [];
  session.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type !== 'worker') return;
    workers.push(Object.assign(attachedWorkerTarget(session, event.sessionId), { title: event.targetInfo.title }));
  });
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return {
    session,
    alive: () => workers.filter((worker) => !worker.closed),
    latest: () => workers.filter((worker) => !worker.closed).at(-1),
  };
}

/** Collects garbage, takes a heap snapshot and returns its JSON text (every string the heap holds). */
export async function heapSnapshotText(target: HeapTarget): Promise<string> {
  const chunks: string[] = [];
  const stop = target.onEvent('HeapProfiler.addHeapSnapshotChunk', (params) => chunks.push(String(params.chunk)));
  try {
    await target.send('HeapProfiler.enable');
    await target.send('HeapProfiler.collectGarbage');
    await target.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    stop();
  }
  return chunks.join('');
}

export function countOccurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
