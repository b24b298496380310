import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../byok/conversations/conversation-types';
import type { StreamingReply } from './chat-store';
import { shareStreamedText } from './share-streamed-text';

const reply = (content: string, reasoning?: string): StoredMessage => ({
  id: 'reply-1', conversationId: 'c-1', sequence: 1, role: 'assistant', content, status: 'complete', createdAt: 1, ...(reasoning === undefined ? {} : { reasoning }),
});
const streamed = (text: string, reasoning = ''): StreamingReply => ({ messageId: 'reply-1', text, reasoning, toolCalls: [] });
/** Equal text, built apart: as the turn and the screen each join the same deltas. */
const joined = (pieces: string[]): string => pieces.join('');

describe('shareStreamedText', () => {
  it('keeps the message as it is when the streamed text differs or belongs to another reply', () => {
    const message = reply('Stopped here.');
    expect(shareStreamedText(message, streamed('Stopped here. And more'))).toBe(message);
    expect(shareStreamedText(message, { ...streamed('Stopped here.'), messageId: 'other' })).toBe(message);
    expect(shareStreamedText(message, null)).toBe(message);
  });

  it('keeps every other field of the message', () => {
    const message = { ...reply('Hello.', 'Thinking.'), totalMs: 12 };
    expect(shareStreamedText(message, streamed('Hello.', 'Thinking.'))).toEqual(message);
  });

  // Measured, not assumed: equal strings built apart are two copies in V8; `===` cannot tell them apart.
  it('holds a finished reply once, not once for the screen and once for the message', () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const pieces = Array.from({ length: 40_000 }, (_, index) => `word ${index % 10} `.repeat(10));
    // In a function of its own, so no interpreter register still holds the message's own text afterwards.
    const finish = (share: typeof shareStreamedText): [StoredMessage, StreamingReply] => {
      const screen = streamed(joined(pieces), joined(pieces.slice(0, 10_000)));
      return [share(reply(joined(pieces), joined(pieces.slice(0, 10_000))), screen), screen];
    };
    const retainedBy = (share: typeof shareStreamedText): number => {
      collectGarbage();
      const before = process.memoryUsage().heapUsed;
      const kept = finish(share);
      collectGarbage();
      const retained = process.memoryUsage().heapUsed - before;
      expect(kept[0]).toMatchObject({ content: kept[1].text, reasoning: kept[1].reasoning });
      return retained;
    };
    const oneCopy = joined(pieces).length + joined(pieces.slice(0, 10_000)).length;
    expect(retainedBy((message) => message)).toBeGreaterThan(1.9 * oneCopy);
    expect(retainedBy(shareStreamedText)).toBeLessThan(1.3 * oneCopy);
  });
});
