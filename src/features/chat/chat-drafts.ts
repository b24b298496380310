// Drafts: the composer's text per conversation, kept in memory for typing and written encrypted a
// moment after the last keystroke, so a reload, a lock or the idle timeout finds it again.
import { onVaultLocking } from '../../byok/api-key-manager';
import { deleteDraft, loadDraft, saveDraft } from '../../byok/conversations/draft-store';
import { setDraft, useChatStore } from './chat-store';

/** Long enough to skip most keystrokes, short enough that a lock rarely beats it. */
export const DRAFT_SAVE_DELAY_MS = 300;

const pendingSaves = new Map<string, number>();
/** Writes started and not finished: a lock waits for them before the page reloads. */
const writing = new Set<Promise<void>>();

function writeDraft(key: string): void {
  pendingSaves.delete(key);
  const text = useChatStore.getState().drafts[key] ?? '';
  // Locked in between: nothing can be encrypted any more, and the last saved draft stays.
  const write = saveDraft(key, text).catch(() => undefined);
  writing.add(write);
  void write.finally(() => writing.delete(write));
}

// A lock from another tab, or the page going away, comes without the composer losing the focus:
// what was typed in the last moment is sealed while the key is still there (vault-session.ts).
onVaultLocking(async () => {
  for (const key of [...pendingSaves.keys()]) flushDraft(key);
  await Promise.all([...writing]);
});

export function updateDraft(key: string, text: string): void {
  setDraft(key, text);
  const pending = pendingSaves.get(key);
  if (pending !== undefined) window.clearTimeout(pending);
  pendingSaves.set(key, window.setTimeout(() => writeDraft(key), DRAFT_SAVE_DELAY_MS));
}

/** Writes a pending draft now (the composer lost focus, e.g. to the Lock button). */
export function flushDraft(key: string): void {
  const pending = pendingSaves.get(key);
  if (pending === undefined) return;
  window.clearTimeout(pending);
  writeDraft(key);
}

/** Reads the stored draft once per conversation and session, unless something was typed since. */
export async function restoreDraft(key: string): Promise<void> {
  if (useChatStore.getState().drafts[key] !== undefined) return;
  const text = await loadDraft(key).catch(() => '');
  if (useChatStore.getState().drafts[key] === undefined) setDraft(key, text);
}

/** After sending: the text is in the conversation now, so the draft goes. */
export function clearDraft(key: string): void {
  const pending = pendingSaves.get(key);
  if (pending !== undefined) window.clearTimeout(pending);
  pendingSaves.delete(key);
  setDraft(key, '');
  void deleteDraft(key).catch(() => undefined);
}
