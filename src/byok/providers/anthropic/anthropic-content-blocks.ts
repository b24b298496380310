// Records an Anthropic reply's content blocks as they stream, so a turn that thought can be sent
// back exactly as received: thinking text with its signature, redacted blocks untouched, text and
// tool_use in their original order (providers-reasoning.md §3.4).
import type { JsonRecord } from '../shared/json-values';
import { readString } from '../shared/json-values';

type RecordedBlock =
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export class AnthropicContentBlocks {
  private readonly blocks = new Map<number, RecordedBlock>();

  start(index: number, block: JsonRecord | undefined): void {
    const type = readString(block, 'type');
    if (type === 'thinking') this.blocks.set(index, { type, thinking: readString(block, 'thinking') ?? '', signature: readString(block, 'signature') ?? '' });
    else if (type === 'redacted_thinking') this.blocks.set(index, { type, data: readString(block, 'data') ?? '' });
    else if (type === 'text') this.blocks.set(index, { type, text: readString(block, 'text') ?? '' });
    else if (type === 'tool_use') this.blocks.set(index, { type, id: readString(block, 'id') ?? '', name: readString(block, 'name') ?? '', input: {} });
  }

  appendThinking(index: number, text: string): void {
    const block = this.blocks.get(index);
    if (block?.type === 'thinking') block.thinking += text;
  }

  setSignature(index: number, signature: string): void {
    const block = this.blocks.get(index);
    if (block?.type === 'thinking') block.signature += signature;
  }

  appendText(index: number, text: string): void {
    const block = this.blocks.get(index);
    if (block?.type === 'text') block.text += text;
  }

  setToolInput(index: number, input: Record<string, unknown>): void {
    const block = this.blocks.get(index);
    if (block?.type === 'tool_use') block.input = input;
  }

  /** The blocks in stream order, or none when the model did not think (nothing needs replaying then). */
  takeReplayItems(): RecordedBlock[] {
    const ordered = [...this.blocks.entries()].sort(([left], [right]) => left - right).map(([, block]) => block);
    const thought = ordered.some((block) => block.type === 'thinking' || block.type === 'redacted_thinking');
    // Empty text blocks are refused on the way back ("text content blocks must be non-empty").
    return thought ? ordered.filter((block) => block.type !== 'text' || block.text !== '') : [];
  }
}
