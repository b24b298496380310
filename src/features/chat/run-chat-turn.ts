// One turn of a conversation, with no React in it (architecture.md, "Data flow of one message").
// It owns the AbortController, checks the budget before any request, consumes the stream, measures
// time to first token and total time, and writes the reply through in batches so a reload in the
// middle of a reply keeps what had arrived. Partial text is never thrown away.
import type { ConversationMeta, MessageAlternatives, MessageError, StoredMessage } from '../../byok/conversations/conversation-types';
import { createBudgetRefusal, reserveWorstCase } from '../../byok/budget-reservation';
import { BYOKError, type ChatRequest, type ReasoningReplay, type StreamChunk, type ToolCall } from '../../byok/types';
import { calculateUsageCost } from '../../byok/usage-cost';
import type { BudgetCheck } from '../../byok/usage-ledger';
import { buildChatRequest } from './build-chat-request';

export interface ChatTurnDependencies {
  streamChat(request: ChatRequest): AsyncIterable<StreamChunk>;
  saveMessage(message: StoredMessage): Promise<void>;
  checkBudget(provider: ChatRequest['provider'], plannedCostUsd: number): Promise<BudgetCheck>;
  /** A monotonic clock in ms (performance.now in the browser). */
  now(): number;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface ChatTurnInput {
  conversation: ConversationMeta;
  /** The messages sent to the model, oldest first (the new user message included). */
  history: StoredMessage[];
  /**
   * `alternatives`: the earlier versions the reply joins (a regenerate keeps them with it).
   * `stored`: its empty 'streaming' message is already stored (a regenerate writes it in place of
   * the reply it replaces, in one write), so the turn does not write it again before streaming.
   */
  reply: { id: string; sequence: number; createdAt: number; alternatives?: MessageAlternatives; stored?: boolean };
  onDelta(delta: string): void;
  /** Visible reasoning as it streams (shown in the Thinking section above the answer). */
  onReasoning?(delta: string): void;
  onToolCall?(toolCall: ToolCall): void;
  /** How often at most the streaming reply is written to storage. */
  saveIntervalMs?: number;
  /** "Send once anyway": this one turn skips the budget check (the spend is still recorded). */
  ignoreBudget?: boolean;
}

export interface ChatTurn {
  /**
   * The reply as it ended; it never rejects. A provider error is in the message, and so is a final
   * save that failed (a full disk): then the reply keeps its text, usage and cost on screen.
   */
  finished: Promise<StoredMessage>;
  stop(): void;
}

export const DEFAULT_SAVE_INTERVAL_MS = 400;

/** What a stored reply says about the error that ended it: the code, and words for people. */
function toMessageError(error: unknown): MessageError {
  if (error instanceof BYOKError) {
    return { code: error.code, message: error.message, ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }) };
  }
  return { code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error) };
}

/** Reserves the worst case (input estimate + the longest reply allowed) before anything is sent. */
async function refuseOverBudget(input: ChatTurnInput, dependencies: ChatTurnDependencies, request: ChatRequest): Promise<BYOKError | null> {
  if (input.ignoreBudget) return null;
  const reservation = reserveWorstCase(request);
  const budget = await dependencies.checkBudget(input.conversation.provider, reservation.cost ?? 0);
  return budget.fits ? null : createBudgetRefusal(request, reservation, budget);
}

export function runChatTurn(input: ChatTurnInput, dependencies: ChatTurnDependencies): ChatTurn {
  const controller = new AbortController();
  const finished = consumeTurn(input, dependencies, controller.signal);
  return { finished, stop: () => controller.abort() };
}

async function consumeTurn(input: ChatTurnInput, dependencies: ChatTurnDependencies, signal: AbortSignal): Promise<StoredMessage> {
  const { conversation, reply } = input;
  const startedAt = dependencies.now();
  let message: StoredMessage = {
    id: reply.id, conversationId: conversation.id, sequence: reply.sequence, role: 'assistant', content: '', status: 'streaming',
    provider: conversation.provider, model: conversation.model, createdAt: reply.createdAt,
    ...(reply.alternatives ? { alternatives: reply.alternatives } : {}),
  };
  const writer = createBatchedWriter(dependencies, input.saveIntervalMs ?? DEFAULT_SAVE_INTERVAL_MS);
  const request = buildChatRequest(conversation, input.history, signal);
  try {
    const refusal = await refuseOverBudget(input, dependencies, request);
    if (refusal) throw refusal;
    if (!reply.stored) writer.saveNow(message);
    const accumulated = createReplyAccumulator(dependencies, startedAt, input);
    for await (const chunk of dependencies.streamChat(request)) {
      accumulated.add(chunk);
      message = { ...message, ...accumulated.fields() };
      if (chunk.type === 'usage') {
        message = { ...message, usage: chunk.usage, cost: calculateUsageCost(conversation.provider, conversation.model, chunk.usage) };
      }
      writer.saveSoon(message);
    }
    message = { ...message, status: 'complete' };
  } catch (error) {
    message = finishWithError(message, error, signal);
  }
  message = { ...message, totalMs: Math.round(dependencies.now() - startedAt) };
  try {
    await writer.saveFinal(message);
  } catch (error) {
    return notSaved(message, error);
  }
  return message;
}

/** The reply as shown when its final save failed: what the store said, and that it is not kept. */
function notSaved(message: StoredMessage, error: unknown): StoredMessage {
  const cause = toMessageError(error);
  return {
    ...message, status: 'error',
    error: { ...cause, message: `${cause.message} The reply above is not stored: copy what you need before you leave the conversation.` },
  };
}

/**
 * What the stream has said so far, as message fields: answer text, reasoning, tool calls, replay,
 * time to first answer token and how long the model thought: from the request to its first answer
 * token (or its end), when it sent any reasoning. Not from the first reasoning delta: providers
 * summarise thinking and may send it all at once just before the answer (and the stream worker
 * batches them together), which would read "Thought for 0 ms".
 */
function createReplyAccumulator(dependencies: ChatTurnDependencies, startedAt: number, input: ChatTurnInput) {
  let content = '';
  let reasoning = '';
  let reasoned = false;
  let reasoningMs: number | undefined;
  let firstTokenMs: number | undefined;
  let replay: ReasoningReplay | undefined;
  const toolCalls: ToolCall[] = [];
  const answerStarted = () => {
    const now = dependencies.now();
    firstTokenMs ??= Math.round(now - startedAt);
    if (reasoned) reasoningMs ??= Math.round(now - startedAt);
  };
  return {
    add(chunk: StreamChunk) {
      if (chunk.type === 'reasoning') {
        reasoned = true;
        reasoning += chunk.delta;
        input.onReasoning?.(chunk.delta);
      } else if (chunk.type === 'content') {
        answerStarted();
        content += chunk.delta;
        input.onDelta(chunk.delta);
      } else if (chunk.type === 'tool_call') {
        answerStarted();
        toolCalls.push(chunk.toolCall);
        input.onToolCall?.(chunk.toolCall);
      } else if (chunk.type === 'replay') replay = chunk.replay;
      else if (chunk.type === 'done' && reasoned) reasoningMs ??= Math.round(dependencies.now() - startedAt);
    },
    fields(): Partial<StoredMessage> {
      return {
        content,
        ...(toolCalls.length > 0 ? { toolCalls: [...toolCalls] } : {}),
        ...(reasoning ? { reasoning } : {}),
        ...(reasoningMs === undefined ? {} : { reasoningMs }),
        ...(firstTokenMs === undefined ? {} : { firstTokenMs }),
        ...(replay ? { replay } : {}),
      };
    },
  };
}

function finishWithError(message: StoredMessage, error: unknown, signal: AbortSignal): StoredMessage {
  // The caller's own Stop is not a failure: the reply is simply marked stopped.
  if (signal.aborted || (error instanceof BYOKError && error.code === 'STREAM_ABORTED')) return { ...message, status: 'stopped' };
  const messageError = toMessageError(error);
  return { ...message, status: messageError.code === 'STREAM_INTERRUPTED' ? 'interrupted' : 'error', error: messageError };
}

/** At most one write per interval while streaming, writes kept in order, and always the last one. */
function createBatchedWriter(dependencies: ChatTurnDependencies, intervalMs: number) {
  let chain: Promise<void> = Promise.resolve();
  let latest: StoredMessage | null = null;
  let timer: unknown = null;
  const enqueue = (message: StoredMessage) => {
    // A failed intermediate write must not lose the final one; the final write reports its own error.
    chain = chain.then(() => dependencies.saveMessage(message)).catch(() => undefined);
  };
  const writeLatest = () => {
    timer = null;
    if (latest) enqueue(latest);
    latest = null;
  };
  return {
    saveNow(message: StoredMessage) {
      enqueue(message);
    },
    saveSoon(message: StoredMessage) {
      latest = message;
      if (timer === null) timer = dependencies.setTimer(writeLatest, intervalMs);
    },
    async saveFinal(message: StoredMessage) {
      if (timer !== null) dependencies.clearTimer(timer);
      timer = null;
      latest = null;
      await chain;
      await dependencies.saveMessage(message);
    },
  };
}
