// Alternatives ("‹ 2/3 ›"): editing a message or regenerating a reply keeps what was there as an
// earlier version of the conversation from that point on. Pure functions over the message list;
// the versions live in the shown message's `alternatives` (conversation-types.ts).
import type { MessageAlternatives, StoredMessage } from '../../byok/conversations/conversation-types';

export interface VersionPosition {
  /** 1-based. */
  position: number;
  total: number;
}

export function describeVersions(message: StoredMessage): VersionPosition | null {
  const alternatives = message.alternatives;
  if (!alternatives || alternatives.before.length + alternatives.after.length === 0) return null;
  return { position: alternatives.before.length + 1, total: alternatives.before.length + alternatives.after.length + 1 };
}

function withoutAlternatives(message: StoredMessage): StoredMessage {
  const { alternatives: _dropped, ...rest } = message;
  return rest;
}

/** A reply worth keeping as a version: it said something (an empty failure is not one). */
function isWorthKeeping(tail: StoredMessage[]): boolean {
  const head = tail[0];
  if (!head) return false;
  if (head.role !== 'assistant') return true;
  const text = typeof head.content === 'string' ? head.content : '';
  return text.trim().length > 0 || (head.toolCalls?.length ?? 0) > 0;
}

/**
 * The alternatives the new message at `index` carries when it replaces messages[index…]: the
 * replaced tail joins the earlier versions (unless it is an empty failed reply), and the new
 * message becomes the last version.
 */
export function keepTailAsAlternative(messages: StoredMessage[], index: number): MessageAlternatives | undefined {
  const tail = messages.slice(index);
  const head = tail[0];
  if (!head) return undefined;
  const earlier = head.alternatives ?? { before: [], after: [] };
  const current = isWorthKeeping(tail) ? [[withoutAlternatives(head), ...tail.slice(1)]] : [];
  const before = [...earlier.before, ...current, ...earlier.after];
  return before.length > 0 ? { before, after: [] } : undefined;
}

/**
 * The conversation with the previous (-1) or next (+1) version shown at `index`. The returned
 * tail is renumbered from the head's sequence and belongs to `conversationId`; null when there is
 * no version in that direction.
 */
export function switchVersion(messages: StoredMessage[], index: number, step: -1 | 1, conversationId: string): StoredMessage[] | null {
  const head = messages[index];
  const alternatives = head?.alternatives;
  if (!head || !alternatives) return null;
  const current = [withoutAlternatives(head), ...messages.slice(index + 1)];
  let target: StoredMessage[] | undefined;
  let next: MessageAlternatives;
  if (step === -1) {
    target = alternatives.before.at(-1);
    next = { before: alternatives.before.slice(0, -1), after: [current, ...alternatives.after] };
  } else {
    target = alternatives.after[0];
    next = { before: [...alternatives.before, current], after: alternatives.after.slice(1) };
  }
  if (!target || target.length === 0) return null;
  const renumbered = target.map((message, offset) => ({ ...message, conversationId, sequence: head.sequence + offset }));
  renumbered[0] = { ...renumbered[0]!, alternatives: next };
  return [...messages.slice(0, index), ...renumbered];
}
