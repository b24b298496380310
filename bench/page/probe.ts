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

let changeCount = 0;
/** Each change of the reply: its id (in its mark's name) and the elements it changed, held weakly. */
let changes: Array<{ id: number; elements: Array<WeakRef<Element>> }> = [];

/** The elements a mutation changed: what it added, else the element it changed. */
function changedElements(record: MutationRecord): Element[] {
  const added = Array.from(record.addedNodes).filter((node): node is Element => node instanceof Element);
  if (added.length > 0) return added;
  const element = record.target instanceof Element ? record.target : record.target.parentElement;
  return element === null ? [] : [element];
}

const SCROLLING = /^(auto|scroll|hidden|clip)$/;

/** Whether `element` lies wholly outside what the viewport shows (clipped by scrolling ancestors). */
function outsideView(element: Element): boolean {
  let top = 0;
  let bottom = innerHeight;
  for (let node = element.parentElement; node !== null; node = node.parentElement) {
    if (!SCROLLING.test(getComputedStyle(node).overflowY)) continue;
    const clip = node.getBoundingClientRect();
    top = Math.max(top, clip.top);
    bottom = Math.min(bottom, clip.bottom);
  }
  const rect = element.getBoundingClientRect();
  return rect.bottom <= top || rect.top >= bottom;
}

/**
 * "Final paint" means the visible reply is final, so a change the final screen does not show (a
 * renderer upgrading an off-screen block while the page is idle) must not count as the reply's last
 * change. Judged once, after the stream (no layout forced while it runs): a change is off screen if
 * every element it changed that is still on the page sits, or has an ancestor below the reply
 * that sits, wholly outside the viewport. Ancestors are checked from the reply down, so an element
 * inside an off-screen `content-visibility` box is never laid out for this. An element without a
 * box (display: contents) is judged by its nearest ancestor with one; an element that is gone was
 * replaced by a later change, which is judged instead. A change with nothing left to judge counts
 * as visible: the rule may count a change it could have dropped, never the other way round.
 */
function offscreenChanges(): number[] {
  const reply = currentTarget();
  if (reply === null) return [];
  const judged = new Map<Element, boolean>();
  const isOffscreen = (element: Element): boolean => {
    const chain: Element[] = [];
    for (let node: Element | null = element; node !== null && node !== reply; node = node.parentElement) chain.unshift(node);
    for (const node of chain) {
      let verdict = judged.get(node);
      if (verdict === undefined) {
        const rect = node.getBoundingClientRect();
        verdict = rect.width * rect.height > 0 && outsideView(node);
        judged.set(node, verdict);
      }
      if (verdict) return true;
    }
    return false;
  };
  const offscreen: number[] = [];
  for (const change of changes) {
    const present = change.elements.map((ref) => ref.deref()).filter((element): element is Element => element !== undefined && reply.contains(element) && element !== reply);
    if (present.length > 0 && present.every(isOffscreen)) offscreen.push(change.id);
  }
  return offscreen;
}

function noteReplyMutations(records: MutationRecord[]): void {
  const target = currentTarget();
  if (target === null) return;
  const touchesReply = (record: MutationRecord): boolean =>
    target.contains(record.target) || Array.from(record.addedNodes).some((node) => node.contains(target));
  const replyRecords = records.filter(touchesReply);
  if (replyRecords.length === 0) return;
  state.trace.lastMutationAt = now();
  changeCount += 1;
  performance.mark(`bench:mutation:${changeCount}`);
  changes.push({ id: changeCount, elements: replyRecords.flatMap(changedElements).map((element) => new WeakRef(element)) });
  if (!state.sawText && (target.textContent ?? '').trim().length > 0) {
    state.sawText = true;
    state.trace.firstTextAt = state.trace.lastMutationAt;
    performance.mark('bench:text');
  }
}

// Held on purpose: an observer nothing references can be collected, and then it stops reporting.
const replyObserver = new MutationObserver(onMutations);
replyObserver.observe(document, { subtree: true, childList: true, characterData: true });


/**
 * Resolves with the time of the first paint after `selector` matches `count` elements (or exactly),
 * and, when `text` is given, the last of them contains it.
 */
function whenReady(selector: string, count: number, exactly: boolean, timeoutMs: number, text?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const matches = (): boolean => {
      const all = document.querySelectorAll(selector);
      const found = all.length;
      if (text !== undefined && !(all[found - 1]?.textContent ?? '').includes(text)) return false;
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
  /** `text`: the last matching element must contain it (e.g. the newest message's words). */
  ready: { selector: string; count: number; exactly?: boolean; text?: string };
  timeoutMs?: number;
}

/** Does one thing in the page and times it to the paint after the screen shows the result. */
async function timeAction(action: TimedAction): Promise<{ start: number; end: number; ms: number }> {
  const start = now();
  const waiting = whenReady(action.ready.selector, action.ready.count, action.ready.exactly ?? false, action.timeoutMs ?? 30_000, action.ready.text);
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
    changes = [];
  },
  /** Ids of this stream's changes the screen does not show now (call after the stream ended). */
  offscreenChanges,
  trace: (): StreamTrace => ({ ...state.trace }),
  longTasksSince: (since: number) => state.longTasks.filter((task) => task.start >= since),
  kdfSince: (since: number) => state.kdf.filter((timing) => timing.start >= since),
  now,
};
(window as BenchWindow).__bench = api;
export type BenchProbe = typeof api;
