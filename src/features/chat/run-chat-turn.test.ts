import { describe, expect, it } from 'vitest';
import type { ConversationMeta, StoredMessage } from '../../byok/conversations/conversation-types';
import { BYOKError, type ChatRequest, type StreamChunk } from '../../byok/types';
import type { BudgetCheck } from '../../byok/usage-ledger';
import { runChatTurn, type ChatTurnDependencies } from './run-chat-turn';

const conversation: ConversationMeta = {
  id: 'c1', title: 'Test', provider: 'openai', model: 'gpt-4o', settings: { systemPrompt: 'Be brief', temperature: 0.5 },
  createdAt: 0, updatedAt: 0, totalCost: 0, totalInputTokens: 0, totalOutputTokens: 0, messageCount: 1,
};
const userMessage: StoredMessage = { id: 'u1', conversationId: 'c1', sequence: 0, role: 'user', content: 'Hello there', status: 'complete', createdAt: 0 };
const FITS: BudgetCheck = { fits: true, budget: null, spent: 0, remaining: null, overBy: 0 };

interface Harness {
  dependencies: ChatTurnDependencies;
  saved: StoredMessage[];
  requests: ChatRequest[];
  advance(ms: number): void;
}

/** A fake clock and timers: the test decides when time passes. */
function createHarness(stream: (request: ChatRequest) => AsyncIterable<StreamChunk>, budget: BudgetCheck = FITS): Harness {
  let now = 0;
  const timers: Array<{ at: number; callback: () => void }> = [];
  const saved: StoredMessage[] = [];
  const requests: ChatRequest[] = [];
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.splice(0).filter((entry) => entry.at <= now ? (entry.callback(), false) : true)) timers.push(timer);
  };
  return {
    saved, requests, advance,
    dependencies: {
      streamChat: (request) => { requests.push(request); return stream(request); },
      saveMessage: async (message) => { saved.push(message); },
      checkBudget: async () => budget,
      now: () => now,
      setTimer: (callback, delayMs) => { const timer = { at: now + delayMs, callback }; timers.push(timer); return timer; },
      clearTimer: (handle) => { const index = timers.indexOf(handle as (typeof timers)[number]); if (index >= 0) timers.splice(index, 1); },
    },
  };
}

function start(harness: Harness, deltas: string[] = []) {
  return runChatTurn({ conversation, history: [userMessage], reply: { id: 'r1', sequence: 1, createdAt: 5 }, onDelta: (delta) => deltas.push(delta) }, harness.dependencies);
}

describe('runChatTurn', () => {
  it('keeps reasoning apart from the answer, times the thinking and stores the replay and reasoning tokens', async () => {
    const replay = { provider: 'openai' as const, model: 'gpt-4o', items: [{ type: 'reasoning', encrypted_content: 'x' }] };
    const harness: Harness = createHarness(async function* () {
      harness.advance(100);
      yield { type: 'reasoning', delta: 'Weighing ' };
      harness.advance(2000);
      yield { type: 'reasoning', delta: 'options.' };
      harness.advance(500);
      yield { type: 'content', delta: 'Answer' };
      yield { type: 'replay', replay };
      yield { type: 'usage', usage: { inputTokens: 10, outputTokens: 300, totalTokens: 310, reasoningTokens: 280 } };
      yield { type: 'done', finishReason: 'stop' };
    });
    const reasoning: string[] = [];
    const turn = runChatTurn({
      conversation, history: [userMessage], reply: { id: 'r1', sequence: 1, createdAt: 5 }, onDelta: () => undefined,
      onReasoning: (delta) => reasoning.push(delta),
    }, harness.dependencies);
    const final = await turn.finished;
    expect(reasoning).toEqual(['Weighing ', 'options.']);
    expect(final).toMatchObject({ content: 'Answer', reasoning: 'Weighing options.', reasoningMs: 2600, firstTokenMs: 2600, replay, status: 'complete' });
    expect(final.usage?.reasoningTokens).toBe(280);
  });

  it('times thinking from the request, so a summary that arrives with the answer never reads as 0 ms', async () => {
    const harness: Harness = createHarness(async function* () {
      harness.advance(4200);
      yield { type: 'reasoning', delta: 'Summary of the thinking.' };
      yield { type: 'content', delta: 'Answer' };
      yield { type: 'done', finishReason: 'stop' };
    });
    const final = await start(harness).finished;
    expect(final).toMatchObject({ reasoningMs: 4200, firstTokenMs: 4200 });
  });

  it('streams text, measures time to first token and total, and ends complete with usage and cost', async () => {
    const harness: Harness = createHarness(async function* () {
      harness.advance(120);
      yield { type: 'content', delta: 'Hi ' };
      harness.advance(30);
      yield { type: 'content', delta: 'you' };
      yield { type: 'usage', usage: { inputTokens: 1000, outputTokens: 500, totalTokens: 1500 } };
      yield { type: 'done', finishReason: 'stop' };
    });
    const deltas: string[] = [];
    const final = await start(harness, deltas).finished;
    expect(deltas).toEqual(['Hi ', 'you']);
    expect(final).toMatchObject({ status: 'complete', content: 'Hi you', firstTokenMs: 120, totalMs: 150, cost: 0.0075, usage: { inputTokens: 1000 } });
    expect(harness.requests[0]).toMatchObject({ provider: 'openai', model: 'gpt-4o', settings: { systemPrompt: 'Be brief', temperature: 0.5 } });
    expect(harness.requests[0]?.messages).toEqual([{ role: 'user', content: 'Hello there' }]);
    expect(harness.saved.at(-1)).toEqual(final);
    expect(harness.saved[0]?.status).toBe('streaming');
  });

  it('writes the streaming reply at most once per interval, and always at the end', async () => {
    const harness: Harness = createHarness(async function* () {
      for (let index = 0; index < 20; index += 1) {
        harness.advance(50);
        yield { type: 'content', delta: `${index} ` };
      }
      yield { type: 'done', finishReason: 'stop' };
    });
    await start(harness).finished;
    // 1 placeholder + 1000 ms of stream at 400 ms per write (2) + the final write.
    expect(harness.saved).toHaveLength(4);
    expect(harness.saved[1]?.content.length).toBeGreaterThan(0);
    expect(harness.saved[1]?.status).toBe('streaming');
  });

  it('does not write the empty reply again when it is already stored (a regenerate put it in place of the old one)', async () => {
    const harness: Harness = createHarness(async function* () {
      yield { type: 'content', delta: 'New answer' };
      yield { type: 'done', finishReason: 'stop' };
    });
    const alternatives = { before: [[{ ...userMessage, id: 'old', role: 'assistant' as const, sequence: 1 }]], after: [] };
    const final = await runChatTurn({
      conversation, history: [userMessage], reply: { id: 'r1', sequence: 1, createdAt: 5, alternatives, stored: true }, onDelta: () => undefined,
    }, harness.dependencies).finished;
    expect(harness.saved).toEqual([final]);
    expect(final).toMatchObject({ status: 'complete', content: 'New answer', alternatives });
  });

  it('never rejects when the final save fails: the reply keeps its text, usage and cost, and says it is not stored', async () => {
    const harness: Harness = createHarness(async function* () {
      yield { type: 'content', delta: 'Kept on screen' };
      yield { type: 'usage', usage: { inputTokens: 1000, outputTokens: 500, totalTokens: 1500 } };
      yield { type: 'done', finishReason: 'stop' };
    });
    let writes = 0;
    const failingLast = { ...harness.dependencies, saveMessage: async () => {
      writes += 1;
      if (writes > 1) throw new BYOKError('UNKNOWN', 'Saving the message failed: the browser\'s storage for this site is full.');
    } };
    const final = await runChatTurn({ conversation, history: [userMessage], reply: { id: 'r1', sequence: 1, createdAt: 5 }, onDelta: () => undefined }, failingLast).finished;
    expect(final).toMatchObject({ status: 'error', content: 'Kept on screen', cost: 0.0075, usage: { inputTokens: 1000 } });
    expect(final.error?.message).toMatch(/storage for this site is full\. The reply above is not stored/);
  });

  it('keeps the text when the user stops, and marks the reply stopped', async () => {
    const harness = createHarness(async function* (request) {
      yield { type: 'content', delta: 'Partial answer' };
      turn.stop();
      if (request.signal?.aborted) throw new BYOKError('STREAM_ABORTED', 'aborted');
    });
    const turn = start(harness);
    const final = await turn.finished;
    expect(final).toMatchObject({ status: 'stopped', content: 'Partial answer' });
    expect(final.error).toBeUndefined();
  });

  it('marks a cut-off stream interrupted and keeps what arrived', async () => {
    const harness = createHarness(async function* () {
      yield { type: 'content', delta: 'Half a sen' };
      throw new BYOKError('STREAM_INTERRUPTED', 'The stream ended without its end marker.', { provider: 'openai' });
    });
    const final = await start(harness).finished;
    expect(final).toMatchObject({ status: 'interrupted', content: 'Half a sen', error: { code: 'STREAM_INTERRUPTED' } });
  });

  it('keeps partial text when an error follows it, with the code and the wait', async () => {
    const harness = createHarness(async function* () {
      yield { type: 'content', delta: 'Some text' };
      throw new BYOKError('RATE_LIMITED', 'slow down', { provider: 'openai', status: 429, retryAfterMs: 7000 });
    });
    const final = await start(harness).finished;
    expect(final).toMatchObject({ status: 'error', content: 'Some text', error: { code: 'RATE_LIMITED', retryAfterMs: 7000 } });
  });

  it('refuses before any request when the budget would be passed, saying by how much', async () => {
    const harness = createHarness(async function* () {
      yield { type: 'done', finishReason: 'stop' };
    }, { fits: false, budget: 5, spent: 5, remaining: 0, overBy: 0.0123 });
    const final = await start(harness).finished;
    expect(harness.requests).toHaveLength(0);
    expect(final.status).toBe('error');
    expect(final.error?.code).toBe('BUDGET_EXCEEDED');
    expect(final.error?.message).toContain('by $0.0123');
  });

  it('reserves the worst case: input estimate plus the longest reply at the output price', async () => {
    const planned: number[] = [];
    const harness = createHarness(async function* () {
      yield { type: 'done', finishReason: 'stop' };
    });
    harness.dependencies.checkBudget = async (_provider, cost) => { planned.push(cost); return FITS; };
    await start(harness).finished;
    // gpt-4o: (4 + 3 message + 2 system) input tokens × $2.50/M + 16,384 max output × $10/M
    expect(planned[0]).toBeCloseTo(0.1638625, 10);
    await runChatTurn({ conversation: { ...conversation, settings: { maxTokens: 100 } }, history: [userMessage], reply: { id: 'r2', sequence: 1, createdAt: 5 }, onDelta: () => undefined }, harness.dependencies).finished;
    expect(planned[1]).toBeCloseTo((7 * 0.0025 + 100 * 0.01) / 1000, 10);
  });

  it('"send once anyway" skips the budget check for that one turn', async () => {
    const harness = createHarness(async function* () {
      yield { type: 'content', delta: 'ok' };
      yield { type: 'done', finishReason: 'stop' };
    }, { fits: false, budget: 0.01, spent: 0, remaining: 0.01, overBy: 0.15 });
    const final = await runChatTurn({ conversation, history: [userMessage], reply: { id: 'r1', sequence: 1, createdAt: 5 }, onDelta: () => undefined, ignoreBudget: true }, harness.dependencies).finished;
    expect(harness.requests).toHaveLength(1);
    expect(final.status).toBe('complete');
  });

  it('records tool calls as they complete', async () => {
    const harness = createHarness(async function* () {
      yield { type: 'tool_call', toolCall: { id: 't1', name: 'get_weather', arguments: { city: 'Paris' } } };
      yield { type: 'done', finishReason: 'tool-calls' };
    });
    const final = await start(harness).finished;
    expect(final.toolCalls).toEqual([{ id: 't1', name: 'get_weather', arguments: { city: 'Paris' } }]);
    expect(final.firstTokenMs).toBe(0);
  });
});
