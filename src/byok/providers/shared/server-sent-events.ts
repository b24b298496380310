// SSE decoding, once for every provider: bytes → TextDecoderStream (multi-byte characters split
// across network chunks are reassembled there) → eventsource-parser (LF and CRLF framing).
import { createParser } from 'eventsource-parser';
import type { EventSourceMessage, EventSourceParser } from 'eventsource-parser';
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

export function decodeServerSentEvents(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
  options: DecodeServerSentEventsOptions,
): ReadableStream<ServerSentEvent> {
  return body.pipeThrough(new TextDecoderStream()).pipeThrough(createEventParserStream(options));
}

function createEventParserStream(options: DecodeServerSentEventsOptions): TransformStream<string, ServerSentEvent> {
  const limit = options.maxEventCharacters ?? MAX_EVENT_CHARACTERS;
  let parser: EventSourceParser | undefined;
  let oversized = false;
  return new TransformStream<string, ServerSentEvent>({
    start(controller) {
      parser = createParser({
        maxBufferSize: limit,
        onEvent: (event) => controller.enqueue(event),
        onError: (error) => {
          // Unknown fields and bad `retry:` lines are ignorable; only the size guard stops us.
          if (error.type === 'max-buffer-size-exceeded') oversized = true;
        },
      });
    },
    transform(text, controller) {
      parser?.feed(text);
      if (oversized) controller.error(createOversizedError(options.provider, limit));
    },
  });
}

function createOversizedError(provider: BYOKProvider, limit: number): BYOKError {
  return new BYOKError(
    BYOK_ERROR_CODES.STREAM_INTERRUPTED,
    `${PROVIDER_LABELS[provider]} sent a stream event larger than ${Math.round(limit / 1024)} KB; reading stopped.`,
    { provider },
  );
}
