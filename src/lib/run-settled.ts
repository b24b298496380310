// A task that many signals in a row ask for, run once after they settle. A finished reply says
// "usage changed" three times within a few hundred ms (the ledger write, the key's "last used",
// the conversation's totals); each screen that follows usage re-read every provider's ledger and
// budget for each of them, about 90 IndexedDB reads per reply on the main thread while the reply's
// final paint was still due (performance.md B2, full speed). Once, after the last, is enough.

export interface SettledTask {
  /** Asks for the task: it runs `settleMs` after the last ask. */
  run(): void;
  cancel(): void;
}

export const USAGE_SETTLE_MS = 250;

export function runSettled(task: () => void, settleMs = USAGE_SETTLE_MS): SettledTask {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    run() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        task();
      }, settleMs);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
