// A provider-neutral plan of one streamed reply. The scenario decides what to say and how the
// stream ends; each formats/*.ts file only turns the plan into its provider's exact wire bytes.
import { randomInt } from 'node:crypto';
import type { BYOKProvider } from '../../src/byok/types';
import type { Conversation } from './request-conversation';
import {
  buildEchoReply, buildMarkdownReply, buildTextReply, buildThinkingText, buildToolCalls, buildToolResultReply, buildXssReply,
} from './reply-content';
import type { MockToolCall } from './reply-content';
import type { ScenarioChoice } from './scenarios';
import { readNumberParameter } from './scenarios';
import { countInputTokens, countOutputTokens, splitIntoTokenPieces } from './token-count';

export type ReplyFinish = 'stop' | 'tool-calls' | 'content-filter' | 'length';

/** complete: normal end marker · cut-off: no end marker · stream-error: error event after 200 · blocked: prompt refused. */
export type ReplyEnding = 'complete' | 'cut-off' | 'stream-error' | 'blocked';

export interface ReplyPiece {
  text: string;
  /** Tokens in this piece, for the pace and for cumulative usage. */
  tokens: number;
}

export interface ReplyScript {
  provider: BYOKProvider;
  model: string;
  pieces: ReplyPiece[];
  /** Visible reasoning streamed before the answer (the `thinking` scenario, or `thinking=1`). */
  reasoningPieces: ReplyPiece[];
  /** Tokens the model spent thinking; included in outputTokens (each format reports them its own way). */
  reasoningTokens: number;
  toolCalls: MockToolCall[];
  finish: ReplyFinish;
  ending: ReplyEnding;
  inputTokens: number;
  /** Output tokens of what is actually emitted (a cut-off stream counts only what was sent). */
  outputTokens: number;
  includeUsage: boolean;
}

/** One framed event ready for the socket; `tokens` paces it (0 for control events). */
export interface StreamEvent {
  frame: string;
  tokens: number;
  /** The JSON inside the frame; Gemini without `alt=sse` answers these as one JSON array. */
  payload?: unknown;
}

const PROVIDER_NAMES: Record<BYOKProvider, string> = {
  openai: 'OpenAI', anthropic: 'Anthropic', google: 'Gemini', xai: 'xAI', mistral: 'Mistral',
};

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random id body; the formats add each provider's prefix (`call_`, `toolu_`, `msg_`). */
export function createRandomId(length: number, alphabet = ALPHANUMERIC): string {
  let id = '';
  for (let index = 0; index < length; index += 1) id += alphabet[randomInt(alphabet.length)];
  return id;
}

/** Groups token pieces `chunkTokens` at a time into deltas. */
function groupPieces(text: string, chunkTokens: number): ReplyPiece[] {
  const tokens = splitIntoTokenPieces(text);
  const size = Math.max(1, Math.floor(chunkTokens));
  const pieces: ReplyPiece[] = [];
  for (let start = 0; start < tokens.length; start += size) {
    const group = tokens.slice(start, start + size);
    pieces.push({ text: group.join(''), tokens: group.length });
  }
  return pieces;
}

interface ReplyPlan {
  text: string;
  reasoning?: string;
  toolCalls: MockToolCall[];
  finish: ReplyFinish;
  ending: ReplyEnding;
}

/** What a scenario says, before it is cut into pieces. */
function planReply(choice: ScenarioChoice, conversation: Conversation, provider: BYOKProvider, prompt: string): ReplyPlan {
  const name = PROVIDER_NAMES[provider];
  const tokens = (fallback: number) => readNumberParameter(choice.parameters, 'tokens', fallback);
  const plan: ReplyPlan = { text: buildEchoReply(name, conversation.model, prompt), toolCalls: [], finish: 'stop', ending: 'complete' };
  switch (choice.name) {
    case 'text': return { ...plan, text: buildTextReply(tokens(50)) };
    case 'markdown': return { ...plan, text: buildMarkdownReply(tokens(1000)) };
    case 'xss': return { ...plan, text: buildXssReply(choice.parameters.only === undefined ? undefined : Number(choice.parameters.only)) };
    case 'stream-error': return { ...plan, text: buildTextReply(tokens(20)), ending: 'stream-error' };
    case 'cut-off': return { ...plan, text: buildTextReply(tokens(20)), ending: 'cut-off' };
    case 'blocked-prompt': return { ...plan, text: '', finish: 'content-filter', ending: 'blocked' };
    case 'content-filter': return { ...plan, text: buildTextReply(tokens(10)), finish: 'content-filter' };
    case 'length': return { ...plan, text: buildTextReply(tokens(20)), finish: 'length' };
    case 'thinking':
      if (conversation.endsWithToolResult) return { ...plan, text: buildToolResultReply(name), reasoning: buildThinkingText(12) };
      return { ...plan, reasoning: buildThinkingText(tokens(24)) };
    case 'tool-call':
    case 'parallel-tool-calls':
      // After a tool result the model answers in words; repeating the call would loop the client forever.
      if (conversation.endsWithToolResult) return { ...plan, text: buildToolResultReply(name) };
      return { ...plan, text: '', toolCalls: buildToolCalls(conversation.toolNames, choice.name === 'parallel-tool-calls'), finish: 'tool-calls' };
    default:
      if (conversation.endsWithToolResult) return { ...plan, text: buildToolResultReply(name) };
      return plan;
  }
}

/** Builds the neutral plan of the reply for one request. `prompt` is the user text without its directive. */
export function buildReplyScript(choice: ScenarioChoice, conversation: Conversation, provider: BYOKProvider, prompt: string): ReplyScript {
  const plan = planReply(choice, conversation, provider, prompt);
  const chunkTokens = readNumberParameter(choice.parameters, 'chunk', 1);
  // `thinking=1` adds visible reasoning to any scenario (a tool call that thought first, for example).
  const reasoning = plan.reasoning ?? (choice.parameters.thinking === '1' ? buildThinkingText(12) : '');
  const reasoningPieces = groupPieces(reasoning, chunkTokens);
  const reasoningTokens = countOutputTokens(reasoning, 0);
  let pieces = groupPieces(plan.text, chunkTokens);
  // A broken stream stops half-way: the client must keep the text it already has.
  if (plan.ending === 'cut-off' || plan.ending === 'stream-error') pieces = pieces.slice(0, Math.max(1, Math.ceil(pieces.length / 2)));
  const emittedText = pieces.map((piece) => piece.text).join('');
  return {
    provider,
    model: conversation.model || 'mock-model',
    pieces,
    reasoningPieces,
    reasoningTokens,
    toolCalls: plan.toolCalls,
    finish: plan.finish,
    ending: plan.ending,
    inputTokens: countInputTokens(conversation),
    outputTokens: plan.ending === 'blocked' ? 0 : countOutputTokens(emittedText, plan.toolCalls.length) + reasoningTokens,
    includeUsage: conversation.includeUsage,
  };
}
