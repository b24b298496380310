// Conversation-level actions: list, open, create, rename, delete, settings, search. Each writes
// through to the encrypted conversation store and then updates the chat store.
import { holdBackgroundReads } from '../../byok/conversations/background-reads';
import {
  deleteConversation, loadMessages, loadRecentMessages, prepareSearch, saveConversation, searchConversationSnippets, updateConversation,
} from '../../byok/conversations/conversation-store';
import type { ConversationMeta, ConversationTool, StoredMessage } from '../../byok/conversations/conversation-types';
import type { BYOKProvider, ChatSettings } from '../../byok/types';
import { replaceConversation, setNotice, useChatStore } from './chat-store';
import { explain } from './conversation-list-loading';
import { MESSAGES_FIRST_READ } from './render-window';
import { UNTITLED_CONVERSATION } from './conversation-title';
import { scheduleIdle } from './schedule-idle';
import { warmUpMarkdown } from './markdown-warm-up';

export interface ModelSelection {
  provider: BYOKProvider;
  model: string;
}


/**
 * Once the list is on screen (the chat screen calls this after painting it), work that can wait
 * is done at idle moments: the search records are decrypted in the background (in small chunks)
 * so the first search finds them in memory, and the Markdown renderer's first-run cost is paid
 * before the first conversation opens. Not earlier: read ahead after unlocking, the list is there
 * before the chat screen, and this work would then compete with its first paint. Returns a cancel.
 */
export function startListBackgroundWork(): () => void {
  const cancelWarmUp = scheduleIdle(warmUpMarkdown);
  // A failure here only means search reads the records later.
  const cancelFill = scheduleIdle(() => void prepareSearch().catch(() => undefined));
  return () => {
    cancelWarmUp();
    cancelFill();
  };
}

export function createUnsavedConversation(selection: ModelSelection | null, now = Date.now()): ConversationMeta | null {
  if (!selection) return null;
  return {
    id: crypto.randomUUID(), title: UNTITLED_CONVERSATION, provider: selection.provider, model: selection.model, settings: {},
    createdAt: now, updatedAt: now, totalCost: 0, totalInputTokens: 0, totalOutputTokens: 0, messageCount: 0,
  };
}

const ABANDONED_REPLY_ERROR = { code: 'STREAM_INTERRUPTED', message: 'The page was closed or reloaded while the reply streamed.' };

/**
 * A reply that was streaming when its page went away can never finish. The store marks it
 * interrupted on load; it gets the STREAM_INTERRUPTED explanation here so the screen says why.
 * One that another tab is still streaming stays 'streaming' (conversation-tabs.ts).
 */
export function markAbandonedReplies(messages: StoredMessage[]): StoredMessage[] {
  return messages.map((message) => (message.status === 'interrupted' && !message.error ? { ...message, error: ABANDONED_REPLY_ERROR } : message));
}

/**
 * A slow first read shows the conversation's header and a loading line after this long; a fast
 * one (the usual case) goes straight from the previous screen to the messages, with no
 * intermediate paint (performance.md B7 open).
 */
export const OPEN_LOADING_DELAY_MS = 150;

/** The saved conversation being opened, until its newest messages are on screen. */
let opening: { id: string; done: Promise<void> } | null = null;

/** Opens a saved conversation by id, or a fresh unsaved one when id is null. */
export function openConversation(id: string | null, selection: ModelSelection | null): Promise<void> {
  const state = useChatStore.getState();
  if (id !== null && state.openConversation?.id === id && state.openSaved) {
    opening = null;
    return Promise.resolve();
  }
  // Asked again for the one being opened (the link's click, then the route): the same read.
  if (id !== null && opening?.id === id) return opening.done;
  opening = null;
  if (id === null) {
    // An unsaved chat keeps the model picked in it, unless the default it started from has changed
    // since (on the Models screen): a new chat always starts on the current default.
    const startedFrom = selection ? `${selection.provider}:${selection.model}` : null;
    if (state.openConversation && !state.openSaved && state.unsavedDefault === startedFrom) return Promise.resolve();
    useChatStore.setState({ openConversation: createUnsavedConversation(selection), openSaved: false, messages: [], messagesStatus: 'ready', unsavedDefault: startedFrom });
    return Promise.resolve();
  }
  const meta = state.conversations.find((conversation) => conversation.id === id) ?? null;
  if (!meta) {
    useChatStore.setState({ openConversation: null, openSaved: false, messages: [], messagesStatus: 'failed' });
    return Promise.resolve();
  }
  const current = { id, done: Promise.resolve() };
  current.done = openSaved(meta, () => opening === current).finally(() => {
    if (historyLoading === current) historyLoading = null;
  });
  opening = current;
  historyLoading = current;
  return current.done;
}

/** The conversation whose messages are being read (first the newest, then all), if any. */
let historyLoading: { id: string; done: Promise<void> } | null = null;

/**
 * Every action that sends or rewrites history (send, regenerate, edit, versions, tool results)
 * waits for this first, so a request never goes out with only the newest messages loaded. Only
 * for the conversation on screen: until a new one shows, the previous one is still complete.
 */
export async function untilHistoryLoaded(): Promise<void> {
  const loading = historyLoading;
  if (loading !== null && loading.id === useChatStore.getState().openConversation?.id) await loading.done.catch(() => undefined);
}

/**
 * The newest messages first (one screen and some), shown at once together with the header; then,
 * after that paint, the whole conversation, which replaces them ('loading' until then). Until the
 * newest messages are here the previous screen stays, unless the read is slow. `isCurrent` turns
 * false once another conversation is asked for; then nothing of this one is shown.
 */
async function openSaved(meta: ConversationMeta, isCurrent: () => boolean): Promise<void> {
  const { id } = meta;
  const showLoading = setTimeout(() => {
    if (isCurrent()) useChatStore.setState({ openConversation: meta, openSaved: true, messages: [], messagesStatus: 'loading' });
  }, OPEN_LOADING_DELAY_MS);
  // The search cache's fill waits until this screen is painted.
  const release = holdBackgroundReads();
  let recent: { messages: StoredMessage[]; complete: boolean };
  try {
    // While the database reads, the renderer's code warms up (a no-op after the first time).
    setTimeout(warmUpMarkdown, 0);
    recent = await loadRecentMessages(id, MESSAGES_FIRST_READ);
  } catch (error) {
    release();
    if (isCurrent()) {
      opening = null;
      useChatStore.setState({ openConversation: meta, openSaved: true, messages: [], messagesStatus: 'failed', notice: explain('Could not open this conversation', error) });
    }
    return;
  } finally {
    clearTimeout(showLoading);
  }
  if (!isCurrent()) {
    release();
    return;
  }
  opening = null;
  useChatStore.setState({ openConversation: meta, openSaved: true, messages: markAbandonedReplies(recent.messages), messagesStatus: recent.complete ? 'ready' : 'loading' });
  afterNextPaint(release);
  if (recent.complete) return;
  try {
    await loadTheRest(id);
  } catch (error) {
    if (useChatStore.getState().openConversation?.id === id) useChatStore.setState({ messagesStatus: 'failed', notice: explain('Could not open this conversation', error) });
  }
}

/** Just after the next frame is painted (a task after the frame's animation callbacks). */
function afterNextPaint(task: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(task, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(task, 0));
}

/** After the newest messages' paint: every message. Those already shown keep their objects, so their rows are not rendered again. */
async function loadTheRest(id: string): Promise<void> {
  await new Promise<void>((resolve) => scheduleIdle(resolve, 100));
  const all = markAbandonedReplies(await loadMessages(id));
  const state = useChatStore.getState();
  if (state.openConversation?.id !== id) return;
  useChatStore.setState({ messages: keepShownObjects(all, state.messages), messagesStatus: 'ready' });
}

/** `all`, with each message that is already shown (same id, same status) replaced by the shown object. */
export function keepShownObjects(all: StoredMessage[], shown: StoredMessage[]): StoredMessage[] {
  const byId = new Map(shown.map((message) => [message.id, message]));
  return all.map((message) => {
    const existing = byId.get(message.id);
    return existing !== undefined && existing.sequence === message.sequence && existing.status === message.status ? existing : message;
  });
}

export async function persistConversation(meta: ConversationMeta): Promise<void> {
  await saveConversation(meta);
  replaceConversation(meta);
}

/**
 * Applies `change` to the stored meta (not to this tab's copy, which may be older than another
 * tab's rename or model change), then shows the result. A conversation deleted meanwhile stays
 * deleted.
 */
export async function changeConversation(id: string, change: (stored: ConversationMeta) => ConversationMeta): Promise<void> {
  const written = await updateConversation(id, (stored) => (stored === null ? null : change(stored)));
  if (written !== null) replaceConversation(written);
}

export async function renameConversation(meta: ConversationMeta, title: string): Promise<void> {
  const trimmed = title.trim();
  if (trimmed.length === 0 || trimmed === meta.title) return;
  try {
    await changeConversation(meta.id, (stored) => ({ ...stored, title: trimmed, updatedAt: Date.now() }));
  } catch (error) {
    setNotice(explain('Could not rename the conversation', error));
  }
}

export async function removeConversation(id: string): Promise<void> {
  try {
    await deleteConversation(id);
    useChatStore.setState((state) => ({
      conversations: state.conversations.filter((conversation) => conversation.id !== id),
      ...(state.openConversation?.id === id ? { openConversation: null, openSaved: false, messages: [] } : {}),
    }));
  } catch (error) {
    setNotice(explain('Could not delete the conversation', error));
  }
}

/** Model and settings are remembered per conversation; an unsaved one keeps them in memory. */
export async function updateConversationSettings(changes: Partial<ModelSelection> & { settings?: ChatSettings; tools?: ConversationTool[] }): Promise<void> {
  const { openConversation: meta, openSaved } = useChatStore.getState();
  if (!meta) return;
  const next: ConversationMeta = { ...meta, ...changes, settings: changes.settings ?? meta.settings };
  useChatStore.setState({ openConversation: next });
  if (!openSaved) return;
  try {
    await changeConversation(meta.id, (stored) => ({ ...stored, ...changes, settings: changes.settings ?? stored.settings }));
  } catch (error) {
    setNotice(explain('Could not save the settings', error));
  }
}

/**
 * The search field got the focus: the search records still missing from memory are read now, not
 * at the page's idle moments, so the first keystroke's search is a scan of memory. A failure only
 * means that search reads them itself (and says what went wrong).
 */
export function readySearch(): void {
  void prepareSearch({ now: true }).catch(() => undefined);
}

/** Counts searches, so an answer that comes back after a newer query's is dropped. */
let latestSearch = 0;

export async function searchConversationText(query: string): Promise<void> {
  latestSearch += 1;
  const search = latestSearch;
  if (query.trim().length === 0) {
    useChatStore.setState({ searchResults: null });
    return;
  }
  try {
    const hits = await searchConversationSnippets(query);
    if (search === latestSearch) useChatStore.setState({ searchResults: hits });
  } catch (error) {
    if (search === latestSearch) setNotice(explain('Search failed', error));
  }
}
