// SSE decoding, once for every provider: bytes → a streaming TextDecoder (multi-byte characters
// split across network chunks are reassembled there) → eventsource-parser (LF and CRLF framing).
import { createParser } from 'eventsource-parser';
import type { EventSourceMessage } from 'eventsource-parser';
import { BYOKError, BYOK_ERROR_CODES } from '../../types';
import type { BYOKProvider } from '../../types';
import { PROVIDER_LABELS } from './provider-labels';

export type ServerSentEvent = EventSourceMessage;

/** No legitimate chunk comes close; a larger line is a broken or hostile stream (security.md T29). */
export const MAX_EVENT_CHARACTERS = 1024 * 1024;

export interface DecodeServerSentEventsOptions {
  provider: BYOKProvider;
  maxEventCharacters?: number;
}

/**
 * Decodes bytes into SSE events synchronously, one network chunk at a time. The stream pipeline
 * below costs a few promise jobs per event and per hop; this costs a function call, which matters
 * at hundreds of events a second on a slow device (npm run bench, B2).
 */
export interface ServerSentEventDecoder {
  /** The events completed by these bytes; throws STREAM_INTERRUPTED for an oversized event. */
  feed(bytes: Uint8Array): ServerSentEvent[];
  /** The events completed by the bytes still held by the text decoder at the end of the body. */
  end(): ServerSentEvent[];
}

export function createServerSentEventDecoder(options: DecodeServerSentEventsOptions): ServerSentEventDecoder {
  const limit = options.maxEventCharacters ?? MAX_EVENT_CHARACTERS;
  // A streaming TextDecoder reassembles multi-byte characters split across network chunks.
  const textDecoder = new TextDecoder();
  let events: ServerSentEvent[] = [];
  let oversized = false;
  const parser = createParser({
    maxBufferSize: limit,
    onEvent: (event) => events.push(event),
    onError: (error) => {
      // Unknown fields and bad `retry:` lines are ignorable; only the size guard stops us.
      if (error.type === 'max-buffer-size-exceeded') oversized = true;
    },
  });
  const take = (text: string): ServerSentEvent[] => {
    parser.feed(text);
    if (oversized) throw createOversizedError(options.provider, limit);
    const completed = events;
    events = [];
    return completed;
  };
  return {
    feed: (bytes) => take(textDecoder.decode(bytes, { stream: true })),
    end: () => take(textDecoder.decode()),
  };
}

function createOversizedError(provider: BYOKProvider, limit: number): BYOKError {
  return new BYOKError(
    BYOK_ERROR_CODES.STREAM_INTERRUPTED,
    `${PROVIDER_LABELS[provider]} sent a stream event larger than ${Math.round(limit / 1024)} KB; reading stopped.`,
    { provider },
  );
}
