// Injected into every bench page before its own scripts (context.addInitScript), built as an IIFE
// because tsx-compiled functions cannot be handed to page.evaluate (esbuild's keepNames adds
// `__name` calls the page does not have). It only observes: it times PBKDF2, records long tasks,
// and marks each change of the reply (`bench:mutation`, and `bench:text` for the first text) in the
// trace, where the frame that painted it is found; it asks for no frame of its own. Network chunks
// and CPU time come from the trace itself (bench/lib/trace.ts), so the
// probe no longer wraps fetch: the app fetches in a worker, where a page script cannot see). It
// times its own work on the stream path (`probeMs`) so the bench can report and subtract it.

interface StreamTrace {
  firstTextAt: number | null;
  lastMutationAt: number | null;
  /** The probe's own main-thread time since arm(), ms. */
  probeMs: number;
}

interface KdfTiming {
  start: number;
  duration: number;
  iterations: number;
}

type BenchWindow = Window & { __bench?: unknown };

const emptyTrace = (): StreamTrace => ({ firstTextAt: null, lastMutationAt: null, probeMs: 0 });

const state = {
  trace: emptyTrace(),
  selector: '.markdown-body',
  elementsBefore: 0,
  longTasks: [] as Array<{ start: number; duration: number }>,
  kdf: [] as KdfTiming[],
  sawText: false,
};

const now = (): number => performance.now();

// Long tasks: the browser's own definition (> 50 ms), buffered from page start.
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No longtask support: the figure is reported as missing rather than as zero.
}

// PBKDF2 timing, so unlock can be split into the KDF and the rest without touching app code.
function timeKdf(method: 'deriveKey' | 'deriveBits'): void {
  const original = SubtleCrypto.prototype[method] as (...args: unknown[]) => Promise<unknown>;
  (SubtleCrypto.prototype as unknown as Record<string, unknown>)[method] = function (this: SubtleCrypto, ...args: unknown[]) {
    const algorithm = args[0] as { name?: string; iterations?: number };
    const start = now();
    const result = original.apply(this, args);
    if (algorithm?.name !== 'PBKDF2') return result;
    return result.then((value) => {
      state.kdf.push({ start, duration: now() - start, iterations: algorithm.iterations ?? 0 });
      return value;
    });
  };
}
timeKdf('deriveKey');
timeKdf('deriveBits');

function currentTarget(): Element | null {
  const all = document.querySelectorAll(state.selector);
  return all.length > state.elementsBefore ? (all[all.length - 1] ?? null) : null;
}

function onMutations(records: MutationRecord[]): void {
  const started = now();
  noteReplyMutations(records);
  state.trace.probeMs += now() - started;
}

function noteReplyMutations(records: MutationRecord[]): void {
  const target = currentTarget();
  if (target === null) return;
  const touchesReply = (record: MutationRecord): boolean =>
    target.contains(record.target) || Array.from(record.addedNodes).some((node) => node.contains(target));
  if (!records.some(touchesReply)) return;
  state.trace.lastMutationAt = now();
  performance.mark('bench:mutation');
  if (!state.sawText && (target.textContent ?? '').trim().length > 0) {
    state.sawText = true;
    state.trace.firstTextAt = state.trace.lastMutationAt;
    performance.mark('bench:text');
  }
}

// Held on purpose: an observer nothing references can be collected, and then it stops reporting.
const replyObserver = new MutationObserver(onMutations);
replyObserver.observe(document, { subtree: true, childList: true, characterData: true });


/** Resolves with the time of the first paint after `selector` matches `count` elements (or exactly). */
function whenReady(selector: string, count: number, exactly: boolean, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const matches = (): boolean => {
      const found = document.querySelectorAll(selector).length;
      return exactly ? found === count : found >= count;
    };
    const observer = new MutationObserver(() => {
      if (matches()) finish();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out waiting for ${count} × ${selector}`));
    }, timeoutMs);
    const finish = (): void => {
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(now());
        channel.port2.postMessage(null);
      });
    };
    if (matches()) finish();
    else observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

interface TimedAction {
  click?: string;
  /** Types `value` into the input as one input event, the way React hears a keystroke. */
  input?: { selector: string; value: string };
  hash?: string;
  ready: { selector: string; count: number; exactly?: boolean };
  timeoutMs?: number;
}

/** Does one thing in the page and times it to the paint after the screen shows the result. */
async function timeAction(action: TimedAction): Promise<{ start: number; end: number; ms: number }> {
  const start = now();
  const waiting = whenReady(action.ready.selector, action.ready.count, action.ready.exactly ?? false, action.timeoutMs ?? 30_000);
  if (action.click !== undefined) (document.querySelector(action.click) as HTMLElement | null)?.click();
  if (action.hash !== undefined) location.hash = action.hash;
  if (action.input !== undefined) {
    const field = document.querySelector(action.input.selector) as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, action.input.value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
  const end = await waiting;
  return { start, end, ms: end - start };
}

// B6 needs the unlock form's first paint counted from navigation start, which may come before
// the bench can ask; so every page watches for it from the start, for its first ten seconds.
const UNLOCK_READY = 'form[aria-label="Unlock vault"] input[type="password"]:not(:disabled)';
const unlockReady = Promise.race([
  whenReady(UNLOCK_READY, 1, false, 10_000),
  new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 10_500)),
]).catch(() => Number.NaN);

const api = {
  replyObserver,
  unlockReadyAt: (): Promise<number> => unlockReady,
  timeAction,
  whenReady,
  /** Starts a new stream trace; the reply is the next new element matching `selector`. */
  arm(selector: string): void {
    state.trace = emptyTrace();
    state.selector = selector;
    state.elementsBefore = document.querySelectorAll(selector).length;
    state.sawText = false;
  },
  trace: (): StreamTrace => ({ ...state.trace }),
  longTasksSince: (since: number) => state.longTasks.filter((task) => task.start >= since),
  kdfSince: (since: number) => state.kdf.filter((timing) => timing.start >= since),
  now,
};
(window as BenchWindow).__bench = api;
export type BenchProbe = typeof api;
