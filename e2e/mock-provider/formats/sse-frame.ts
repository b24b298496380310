// Server-sent-event framing, byte for byte as each provider sends it (providers.md §0 "SSE framing").
import type { StreamEvent } from '../reply-script';

/** `data: {json}` + blank line. OpenAI, xAI and Mistral use LF; Gemini uses CRLF (gotcha 2). */
export function frameData(payload: unknown, tokens = 0, lineEnd: '\n' | '\r\n' = '\n'): StreamEvent {
  return { frame: `data: ${JSON.stringify(payload)}${lineEnd}${lineEnd}`, tokens, payload };
}

/** `event: <name>` + `data: {json}` + blank line: Anthropic names every event (gotcha 3). */
export function frameNamedEvent(name: string, payload: unknown, tokens = 0): StreamEvent {
  return { frame: `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`, tokens, payload };
}

/** The OpenAI-family end marker. */
export const DONE_EVENT: StreamEvent = { frame: 'data: [DONE]\n\n', tokens: 0 };
