import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../byok/conversations/conversation-types';
import { describeVersions, keepTailAsAlternative, switchVersion } from './message-branches';

function message(sequence: number, content: string, overrides: Partial<StoredMessage> = {}): StoredMessage {
  return { id: `m-${content}`, conversationId: 'c', sequence, role: sequence % 2 === 0 ? 'user' : 'assistant', content, status: 'complete', createdAt: sequence, ...overrides };
}

const texts = (messages: StoredMessage[]): string[] => messages.map((entry) => String(entry.content));

describe('message branches', () => {
  const chat = [message(0, 'q1'), message(1, 'a1'), message(2, 'q2'), message(3, 'a2')];

  it('keeps the replaced tail as an earlier version, the new one last', () => {
    const alternatives = keepTailAsAlternative(chat, 0)!;
    expect(alternatives.before.map(texts)).toEqual([['q1', 'a1', 'q2', 'a2']]);
    const edited = [message(0, 'q1 edited', { alternatives })];
    expect(describeVersions(edited[0]!)).toEqual({ position: 2, total: 2 });
  });

  it('switches back and forth, renumbering the shown tail and keeping every version', () => {
    const edited = [message(0, 'q1 edited', { alternatives: keepTailAsAlternative(chat, 0)! }), message(1, 'a1 new')];
    const back = switchVersion(edited, 0, -1, 'c')!;
    expect(texts(back)).toEqual(['q1', 'a1', 'q2', 'a2']);
    expect(back.map((entry) => entry.sequence)).toEqual([0, 1, 2, 3]);
    expect(describeVersions(back[0]!)).toEqual({ position: 1, total: 2 });
    expect(switchVersion(back, 0, -1, 'c')).toBeNull();
    const forward = switchVersion(back, 0, 1, 'c')!;
    expect(texts(forward)).toEqual(['q1 edited', 'a1 new']);
    expect(describeVersions(forward[0]!)).toEqual({ position: 2, total: 2 });
  });

  it('regenerating twice gives three versions of the reply, nested under the edit', () => {
    let messages = [message(0, 'q'), message(1, 'r1')];
    for (const text of ['r2', 'r3']) messages = [messages[0]!, message(1, text, { alternatives: keepTailAsAlternative(messages, 1)! })];
    expect(describeVersions(messages[1]!)).toEqual({ position: 3, total: 3 });
    const middle = switchVersion(messages, 1, -1, 'c')!;
    expect(texts(middle)).toEqual(['q', 'r2']);
    expect(describeVersions(middle[1]!)).toEqual({ position: 2, total: 3 });
  });

  it('does not keep an empty failed reply as a version', () => {
    const failed = [message(0, 'q'), message(1, '', { status: 'error', error: { code: 'RATE_LIMITED', message: 'slow down' } })];
    expect(keepTailAsAlternative(failed, 1)).toBeUndefined();
  });
});
