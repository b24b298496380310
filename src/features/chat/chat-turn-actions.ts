// Turn-level actions: send, stop, regenerate, edit, switch versions, retry. Only one reply streams at
// a time; locking the vault stops it (security.md R14) before the page reloads. Editing a message or
// regenerating a reply keeps what it replaces as an earlier version (message-branches.ts).
import { onVaultLocked } from '../../byok/api-key-manager';
import { assertConversationUnchanged, replaceMessagesFrom, saveMessage, tailOf } from '../../byok/conversations/conversation-store';
import type { ConversationMeta, MessageAlternatives, StoredMessage } from '../../byok/conversations/conversation-types';
import { streamChat } from '../../byok/streaming-client';
import type { MessageContent, ToolCall } from '../../byok/types';
import { notifyUsageChanged } from '../../byok/usage-events';
import { checkBudget } from '../../byok/usage-ledger';
import { changeConversation, persistConversation, untilHistoryLoaded } from './chat-conversation-actions';
import { clearDraft } from './chat-drafts';
import { setNotice, useChatStore } from './chat-store';
import { cancelAutoRetry, scheduleAutoRetry } from './auto-retry';
import { keepTailAsAlternative, switchVersion } from './message-branches';
import { createConversationTitle } from './conversation-title';
import { browserUpdateScheduler, createDeltaBatcher, flushedAtEnd, streamUpdateInterval } from './delta-batcher';
import { startSplitAhead } from './split-ahead';
import { runChatTurn, type ChatTurn, type ChatTurnDependencies, type ChatTurnInput } from './run-chat-turn';
import { shareStreamedText } from './share-streamed-text';
import { handleChangedElsewhere } from './live-conversations';

const browserDependencies: ChatTurnDependencies = {
  streamChat,
  saveMessage,
  checkBudget: (provider, planned) => checkBudget(provider, planned),
  now: () => performance.now(),
  setTimer: (callback, delayMs) => window.setTimeout(callback, delayMs),
  clearTimer: (handle) => window.clearTimeout(handle as number),
};

let activeTurn: ChatTurn | null = null;
onVaultLocked(() => activeTurn?.stop());

export function isReplyStreaming(): boolean {
  return activeTurn !== null;
}

export function stopReply(): void {
  activeTurn?.stop();
}

/** Another tab changing the conversation first is explained as such (live-conversations.ts). */
function explainFailure(action: string, error: unknown): void {
  if (handleChangedElsewhere(error)) return;
  setNotice(`${action}: ${error instanceof Error ? error.message : String(error)}`);
}

/** "Send once anyway": the next turn, and only that one, skips the budget check. */
let budgetOverrideOnce = false;

/** Sends the reply a budget refused once more, past the budget, exactly once. */
export function sendOnceOverBudget(replyId: string): void {
  if (activeTurn) return;
  budgetOverrideOnce = true;
  void regenerateReply(replyId, false).finally(() => {
    budgetOverrideOnce = false;
  });
}

function nextSequence(messages: StoredMessage[]): number {
  return messages.reduce((highest, message) => Math.max(highest, message.sequence), -1) + 1;
}

function addTotals(meta: ConversationMeta, reply: StoredMessage, messageCount: number): ConversationMeta {
  return {
    ...meta,
    updatedAt: Date.now(),
    messageCount,
    totalCost: meta.totalCost + (reply.cost ?? 0),
    totalInputTokens: meta.totalInputTokens + (reply.usage?.inputTokens ?? 0),
    totalOutputTokens: meta.totalOutputTokens + (reply.usage?.outputTokens ?? 0),
    ...(meta.estimatedTotals || reply.usage?.estimated ? { estimatedTotals: true as const } : {}),
  };
}

/** A reply about to stream: its identity and the empty 'streaming' message that stands for it. */
interface StartingReply {
  reply: ChatTurnInput['reply'];
  placeholder: StoredMessage;
}

/** `alternatives`: the earlier versions this reply joins. */
function startReply(meta: ConversationMeta, history: StoredMessage[], alternatives?: MessageAlternatives, stored = false): StartingReply {
  const reply = { id: crypto.randomUUID(), sequence: nextSequence(history), createdAt: Date.now(), ...(alternatives ? { alternatives } : {}), ...(stored ? { stored } : {}) };
  const placeholder: StoredMessage = {
    id: reply.id, conversationId: meta.id, sequence: reply.sequence, role: 'assistant', content: '', status: 'streaming',
    provider: meta.provider, model: meta.model, createdAt: reply.createdAt, ...(alternatives ? { alternatives } : {}),
  };
  return { reply, placeholder };
}

/**
 * Streams a reply to `history` (which ends with the user's message) into the open conversation.
 * A rate-limited reply is retried once by itself after the wait the provider asked for, unless this
 * already was that retry.
 */
async function streamReply(meta: ConversationMeta, history: StoredMessage[], { reply, placeholder } = startReply(meta, history), mayRetry = true): Promise<void> {
  cancelAutoRetry();
  // Before the reply's view exists, so that its renderer takes the splitter the text is fed to.
  const splitAhead = startSplitAhead(reply.id);
  useChatStore.setState({ messages: [...history, placeholder], streaming: { messageId: reply.id, text: '', reasoning: '', toolCalls: [] } });
  const batcher = createDeltaBatcher(
    (joined) => useChatStore.setState((state) => (state.streaming ? { streaming: { ...state.streaming, text: state.streaming.text + joined } } : {})),
    // The first token is painted in the next frame; later updates come 20 to 7 times a second.
    browserUpdateScheduler,
    streamUpdateInterval,
  );
  // Reasoning streams through its own batcher, at the same pace as the answer.
  const reasoningBatcher = createDeltaBatcher(
    (joined) => useChatStore.setState((state) => (state.streaming ? { streaming: { ...state.streaming, reasoning: state.streaming.reasoning + joined } } : {})),
    browserUpdateScheduler,
    streamUpdateInterval,
  );
  // The last text is on screen as soon as the stream ends, and shown finished, not after the final save.
  const ended = (): void => useChatStore.setState((state) => (state.streaming?.messageId === reply.id ? { streaming: { ...state.streaming, ended: true } } : {}));
  const dependencies: ChatTurnDependencies = {
    ...browserDependencies,
    streamChat: (request) => flushedAtEnd(streamChat(request), [batcher, reasoningBatcher], ended),
    // The final save hands the store the streamed string the screen holds, so the session's search
    // cache keeps that one too (search-text.ts TextAsWritten), not the turn's equal copy (B8).
    saveMessage: (message) => browserDependencies.saveMessage(shareStreamedText(message, useChatStore.getState().streaming)),
  };
  const ignoreBudget = budgetOverrideOnce;
  budgetOverrideOnce = false;
  const turn = runChatTurn({
    conversation: meta, history, reply, onDelta: (delta) => { splitAhead.push(delta); batcher.push(delta); }, onReasoning: reasoningBatcher.push, ignoreBudget,
    onToolCall: (toolCall) => useChatStore.setState((state) => (state.streaming ? { streaming: { ...state.streaming, toolCalls: [...state.streaming.toolCalls, toolCall] } } : {})),
  }, dependencies);
  activeTurn = turn;
  let final: StoredMessage;
  try {
    // Never rejects: a final save that failed (a full disk) is in the message, with the text kept.
    final = await turn.finished;
  } finally {
    activeTurn = null;
    splitAhead.end();
  }
  batcher.cancel();
  reasoningBatcher.cancel();
  final = shareStreamedText(final, useChatStore.getState().streaming);
  useChatStore.setState((state) => ({ messages: state.messages.map((message) => (message.id === final.id ? final : message)), streaming: null }));
  const messageCount = useChatStore.getState().messages.length;
  // Added to the stored totals, so a rename or model change made in another tab meanwhile is kept.
  await changeConversation(meta.id, (stored) => addTotals(stored, final, messageCount)).catch(() => undefined);
  // Other tabs' conversation lists and headers re-read the new totals.
  notifyUsageChanged();
  if (mayRetry && final.error?.code === 'RATE_LIMITED') scheduleAutoRetry(final.id, final.error.retryAfterMs, () => void regenerateReply(final.id, false));
}

function createUserMessage(meta: ConversationMeta, content: MessageContent, sequence: number): StoredMessage {
  return { id: crypto.randomUUID(), conversationId: meta.id, sequence, role: 'user', content, status: 'complete', createdAt: Date.now() };
}

/** Sends a new user message; saves an unsaved conversation first. Returns its id. */
export async function sendMessage(content: MessageContent, titleSource: string): Promise<string | null> {
  await untilHistoryLoaded();
  const state = useChatStore.getState();
  let meta = state.openConversation;
  if (!meta || activeTurn) return null;
  try {
    if (!state.openSaved) {
      meta = { ...meta, title: createConversationTitle(titleSource), createdAt: Date.now(), updatedAt: Date.now() };
      await persistConversation(meta);
      useChatStore.setState({ openSaved: true });
    }
    const userMessage = createUserMessage(meta, content, nextSequence(state.messages));
    // Refused if another tab added to the conversation since this one showed it.
    await saveMessage(userMessage, { expectedTail: tailOf(state.messages) });
    clearDraft(state.openSaved ? meta.id : 'new');
    void streamReply(meta, [...state.messages, userMessage]);
    return meta.id;
  } catch (error) {
    explainFailure('Could not send', error);
    return null;
  }
}

/**
 * Asks again for the reply `replyId` (the last reply when not given), keeping the old one as an
 * earlier version; also the Retry of a failed reply, whose empty failure is not kept.
 */
export async function regenerateReply(replyId?: string, mayRetry = true): Promise<void> {
  await untilHistoryLoaded();
  const { openConversation: meta, messages } = useChatStore.getState();
  if (!meta || activeTurn) return;
  let index = replyId === undefined ? messages.findLastIndex((message) => message.role === 'user') + 1 : messages.findIndex((message) => message.id === replyId);
  if (index <= 0 || messages[index - 1]?.role !== 'user') index = -1;
  if (index < 0) return;
  try {
    const history = messages.slice(0, index);
    const replaced = messages[index];
    const starting = startReply(meta, history, keepTailAsAlternative(messages, index), replaced !== undefined);
    // One write puts the new reply, which holds the old one as a version, in the old one's place:
    // deleted first and written once the turn began, a reload in between lost the old reply.
    if (replaced) await replaceMessagesFrom(meta.id, replaced.sequence, [starting.placeholder], { expectedTail: tailOf(messages) });
    else await assertConversationUnchanged(meta.id, tailOf(messages));
    void streamReply(meta, history, starting, mayRetry);
  } catch (error) {
    explainFailure('Could not regenerate', error);
  }
}

/** Replaces the user message `messageId` with new content, keeps the old branch as a version, and asks again. */
export async function editUserMessage(messageId: string, content: MessageContent): Promise<void> {
  await untilHistoryLoaded();
  const { openConversation: meta, messages } = useChatStore.getState();
  if (!meta || activeTurn) return;
  const index = messages.findIndex((message) => message.id === messageId && message.role === 'user');
  const original = messages[index];
  if (!original) return;
  try {
    const alternatives = keepTailAsAlternative(messages, index);
    const edited: StoredMessage = { ...createUserMessage(meta, content, original.sequence), ...(alternatives ? { alternatives } : {}) };
    // One write: the old branch lives on only inside `edited` (its alternatives).
    await replaceMessagesFrom(meta.id, original.sequence, [edited], { expectedTail: tailOf(messages) });
    void streamReply(meta, [...messages.slice(0, index), edited]);
  } catch (error) {
    explainFailure('Could not edit the message', error);
  }
}

/** Shows the previous (-1) or next (+1) version at message `messageId`, and stores that choice. */
export async function switchMessageVersion(messageId: string, step: -1 | 1): Promise<void> {
  await untilHistoryLoaded();
  const { openConversation: meta, messages } = useChatStore.getState();
  if (!meta || activeTurn) return;
  const index = messages.findIndex((message) => message.id === messageId);
  const switched = switchVersion(messages, index, step, meta.id);
  const head = messages[index];
  if (!switched || !head) return;
  cancelAutoRetry();
  useChatStore.setState({ messages: switched });
  try {
    // One write: a reload half way through left the conversation without this tail and its versions.
    await replaceMessagesFrom(meta.id, head.sequence, switched.slice(index), { expectedTail: tailOf(messages) });
    await changeConversation(meta.id, (stored) => ({ ...stored, messageCount: switched.length, updatedAt: Date.now() }));
  } catch (error) {
    explainFailure('Could not switch versions', error);
  }
}

export interface ToolAnswer {
  toolCall: ToolCall;
  /** What the user typed as the tool's output. */
  result: string;
  rejected: boolean;
}

/** Said to the model for a call the user declined, so it can carry on without the result. */
export const REJECTED_TOOL_RESULT = 'The user declined to run this tool call. Continue without its result.';

/** Saves one result (or refusal) per call of the last reply, then lets the model continue. */
export async function sendToolResults(answers: ToolAnswer[]): Promise<void> {
  await untilHistoryLoaded();
  const { openConversation: meta, messages } = useChatStore.getState();
  if (!meta || activeTurn || answers.length === 0) return;
  let sequence = nextSequence(messages);
  const results: StoredMessage[] = answers.map((answer) => ({
    id: crypto.randomUUID(), conversationId: meta.id, sequence: sequence++, role: 'tool', toolCallId: answer.toolCall.id, name: answer.toolCall.name,
    content: answer.rejected ? REJECTED_TOOL_RESULT : answer.result, status: 'complete', createdAt: Date.now(),
    ...(answer.rejected ? { rejected: true } : {}),
  }));
  try {
    for (const [index, result] of results.entries()) await saveMessage(result, index === 0 ? { expectedTail: tailOf(messages) } : {});
  } catch (error) {
    explainFailure('Could not send the tool results', error);
    return;
  }
  void streamReply(meta, [...messages, ...results]);
}
