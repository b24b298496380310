// Tool calls arrive as fragments keyed by an index (OpenAI, Anthropic) or whole (xAI, Mistral,
// Gemini). Either way they are collected here and handed out once, with parsed arguments.
import { BYOKError, type ToolCall } from '../../types';
import { isRecord, parseJson } from './json-values';

interface PendingToolCall {
  id: string;
  name: string;
  argumentsText: string;
}

export interface ToolCallFragment {
  id?: string;
  name?: string;
  argumentsDelta?: string;
}

/** Empty arguments mean "no arguments" ({}); text that is not a JSON object is kept under `_raw`. */
export function parseToolArguments(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  const parsed = parseJson(text);
  return isRecord(parsed) ? parsed : { _raw: text };
}

/**
 * One tool call's arguments stop here (security.md T29): real arguments are a few KB, and a
 * hostile endpoint streaming fragments forever must not grow memory without limit.
 */
export const MAX_TOOL_ARGUMENT_CHARACTERS = 1024 * 1024;

function toolArgumentsTooLongError(name: string): BYOKError {
  const label = name === '' ? 'A tool call' : `The tool call "${name.slice(0, 64)}"`;
  return new BYOKError('STREAM_INTERRUPTED', `${label} sent more than ${MAX_TOOL_ARGUMENT_CHARACTERS / 1024} KB of arguments; reading stopped.`);
}

export class ToolCallAccumulator {
  private readonly pending = new Map<number, PendingToolCall>();

  appendFragment(index: number, fragment: ToolCallFragment): void {
    const call = this.pending.get(index) ?? { id: '', name: '', argumentsText: '' };
    if (fragment.id) call.id = fragment.id;
    if (fragment.name) call.name = fragment.name;
    if (fragment.argumentsDelta) {
      if (call.argumentsText.length + fragment.argumentsDelta.length > MAX_TOOL_ARGUMENT_CHARACTERS) throw toolArgumentsTooLongError(call.name);
      call.argumentsText += fragment.argumentsDelta;
    }
    this.pending.set(index, call);
  }

  has(index: number): boolean {
    return this.pending.has(index);
  }

  /** Completes one call (Anthropic's content_block_stop). */
  take(index: number): ToolCall | undefined {
    const call = this.pending.get(index);
    if (!call) return undefined;
    this.pending.delete(index);
    return toToolCall(call, index);
  }

  /** Completes every open call in index order (OpenAI-style finish_reason or end of stream). */
  takeAll(): ToolCall[] {
    const indexes = [...this.pending.keys()].sort((left, right) => left - right);
    return indexes.flatMap((index) => {
      const call = this.take(index);
      return call ? [call] : [];
    });
  }
}

function toToolCall(call: PendingToolCall, index: number): ToolCall {
  return {
    // A provider that sent no id still needs one the reply can refer back to.
    id: call.id || `call_${index}`,
    name: call.name,
    arguments: parseToolArguments(call.argumentsText),
  };
}
