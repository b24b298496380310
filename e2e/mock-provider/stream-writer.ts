// Writes a stream one event at a time, each in its own socket write, at an optional pace, and
// stops as soon as the client goes away (the app's Stop button must not leave a stream running).
import type { ServerResponse } from 'node:http';
import type { StreamEvent } from './reply-script';

export interface StreamWriteOptions {
  /** Tokens per second; 0 or undefined sends as fast as the event loop allows. */
  tokensPerSecond?: number;
  /** Wait after the headers, before the first event (headers arrive, the first token is late). */
  firstEventDelayMs?: number;
  /** Destroy the socket at the end instead of ending the body cleanly (an abrupt network cut). */
  destroyAtEnd?: boolean;
}

export type StreamOutcome = 'completed' | 'client-closed';

function wait(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Yields to the event loop so consecutive events leave as separate writes, not one batch. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function isClosed(response: ServerResponse): boolean {
  return response.destroyed || response.writableEnded || response.socket === null || response.socket.destroyed;
}

/** Waits `milliseconds` before anything is sent (slow first byte); false if the client left meanwhile. */
export async function delayFirstByte(response: ServerResponse, milliseconds: number): Promise<boolean> {
  if (milliseconds > 0) await wait(milliseconds);
  return !isClosed(response);
}

async function writeOne(response: ServerResponse, frame: string): Promise<void> {
  if (!response.write(frame)) {
    await new Promise<void>((resolve) => {
      response.once('drain', resolve);
      response.once('close', resolve);
    });
  }
}

/**
 * Sends the events. The pace is scheduled from the start time, not event to event, so timer
 * jitter does not add up over a 10,000-token reply: the n-th token leaves at n / tokensPerSecond.
 */
export async function writeEventStream(response: ServerResponse, events: StreamEvent[], options: StreamWriteOptions = {}): Promise<StreamOutcome> {
  const tokensPerSecond = options.tokensPerSecond ?? 0;
  if (options.firstEventDelayMs) await wait(options.firstEventDelayMs);
  const start = Date.now();
  let sentTokens = 0;
  for (const event of events) {
    if (isClosed(response)) return 'client-closed';
    sentTokens += event.tokens;
    const due = tokensPerSecond > 0 ? start + (sentTokens * 1000) / tokensPerSecond : 0;
    const waitFor = due - Date.now();
    if (waitFor > 0) await wait(waitFor);
    else await yieldToEventLoop();
    if (isClosed(response)) return 'client-closed';
    await writeOne(response, event.frame);
  }
  if (isClosed(response)) return 'client-closed';
  if (options.destroyAtEnd) response.destroy();
  else response.end();
  return 'completed';
}
