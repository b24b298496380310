// Turns each provider's frames into a reply, the way a careful client would (providers.md §2.3–§6.3).
import type { BYOKProvider } from '../../src/byok/types';
import type { MockProviderServer } from './server';
import type { ChatOptions, ReadReply } from './self-check-client';
import { buildChatRequest, createEmptyReply, readWholeBody, splitFrames } from './self-check-client';

// Small wire types: only the fields the checker reads, all optional, as a tolerant client would.
interface OpenAiChunk {
  error?: unknown;
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
  choices?: Array<{
    finish_reason?: string | null;
    delta?: { content?: string | null; tool_calls?: Array<{ index?: number; id?: string; function?: { name?: string; arguments?: string } }> };
  }>;
}

interface AnthropicEvent {
  type: string;
  index: number;
  message: { usage: { input_tokens: number } };
  content_block: { type: string; id: string; name: string };
  delta: { type?: string; text?: string; partial_json?: string; stop_reason?: string };
  usage: { output_tokens: number };
  error: unknown;
}

interface GoogleChunk {
  error?: unknown;
  promptFeedback?: { blockReason?: string };
  usageMetadata?: { promptTokenCount: number; candidatesTokenCount?: number };
  candidates?: Array<{
    finishReason?: string;
    content?: { parts?: Array<{ text?: string; functionCall?: { id?: string; name: string; args: unknown } }> };
  }>;
}

function readOpenAiFamily(frames: Array<{ data: string }>): ReadReply {
  const reply = createEmptyReply();
  const fragments = new Map<number, { id: string; name: string; arguments: string }>();
  for (const { data } of frames) {
    if (data === '[DONE]') { reply.ended = true; continue; }
    const chunk = JSON.parse(data) as OpenAiChunk;
    if (chunk.error) { reply.error = chunk.error; continue; }
    if (chunk.usage) reply.usage = { input: chunk.usage.prompt_tokens, output: chunk.usage.completion_tokens };
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    if (typeof choice.delta?.content === 'string') reply.text += choice.delta.content;
    for (const call of choice.delta?.tool_calls ?? []) {
      const index = call.index ?? 0;
      const existing = fragments.get(index);
      if (existing) {
        if (call.id !== undefined || call.function?.name !== undefined) throw new Error('OpenAI: id/name repeated after the first fragment');
        existing.arguments += call.function?.arguments ?? '';
      } else {
        fragments.set(index, { id: call.id ?? '', name: call.function?.name ?? '', arguments: call.function?.arguments ?? '' });
      }
    }
    if (choice.finish_reason) reply.finish = choice.finish_reason;
  }
  reply.toolCalls = [...fragments.values()].map((call) => ({ ...call, arguments: JSON.parse(call.arguments) }));
  return reply;
}

function readAnthropic(frames: Array<{ event: string | null; data: string }>): ReadReply {
  const reply = createEmptyReply();
  const blocks = new Map<number, { id: string; name: string; json: string }>();
  let input = 0;
  for (const { event, data } of frames) {
    const payload = JSON.parse(data) as AnthropicEvent;
    if (event !== payload.type) throw new Error(`Anthropic: event ${event} carries data of type ${payload.type}`);
    if (event === 'message_start') input = payload.message.usage.input_tokens;
    if (event === 'content_block_start' && payload.content_block.type === 'tool_use') {
      blocks.set(payload.index, { id: payload.content_block.id, name: payload.content_block.name, json: '' });
    }
    if (event === 'content_block_delta' && payload.delta.type === 'text_delta') reply.text += payload.delta.text ?? '';
    if (event === 'content_block_delta' && payload.delta.type === 'input_json_delta') {
      const block = blocks.get(payload.index);
      if (block) block.json += payload.delta.partial_json ?? '';
    }
    if (event === 'message_delta') {
      reply.finish = payload.delta.stop_reason ?? null;
      reply.usage = { input, output: payload.usage.output_tokens };
    }
    if (event === 'message_stop') reply.ended = true;
    if (event === 'error') reply.error = payload.error;
  }
  reply.toolCalls = [...blocks.values()].map((block) => ({ id: block.id, name: block.name, arguments: JSON.parse(block.json || '{}') }));
  return reply;
}

function readGoogle(frames: Array<{ data: string }>): ReadReply {
  const reply = createEmptyReply();
  for (const { data } of frames) {
    const chunk = JSON.parse(data) as GoogleChunk;
    if (chunk.error) { reply.error = chunk.error; continue; }
    if (chunk.promptFeedback?.blockReason) reply.blockReason = chunk.promptFeedback.blockReason;
    if (chunk.usageMetadata) reply.usage = { input: chunk.usageMetadata.promptTokenCount, output: chunk.usageMetadata.candidatesTokenCount ?? 0 };
    const candidate = chunk.candidates?.[0];
    for (const part of candidate?.content?.parts ?? []) {
      if (typeof part.text === 'string') reply.text += part.text;
      if (part.functionCall) reply.toolCalls.push({ id: part.functionCall.id ?? '', name: part.functionCall.name, arguments: part.functionCall.args });
    }
    if (candidate?.finishReason) {
      reply.finish = candidate.finishReason;
      reply.ended = true;
    }
  }
  return reply;
}

/** Reads a whole stream body of a provider into a reply. */
export function readReply(provider: BYOKProvider, raw: string): ReadReply {
  const frames = splitFrames(provider, raw);
  if (provider === 'anthropic') return readAnthropic(frames);
  if (provider === 'google') return readGoogle(frames);
  return readOpenAiFamily(frames);
}

/** Sends one chat request to the mock and reads the whole reply (null when it is not a stream). */
export async function chat(server: MockProviderServer, provider: BYOKProvider, text: string, options: ChatOptions = {}, scenario?: string) {
  const { url, init, body } = buildChatRequest(server.baseUrlFor(provider, scenario), provider, text, options);
  const response = await fetch(url, init);
  const { raw, reads } = await readWholeBody(response);
  const isStream = response.ok && (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
  return { response, raw, reads, body, reply: isStream ? readReply(provider, raw) : null };
}
