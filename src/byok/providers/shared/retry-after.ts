// Where a provider says how long to wait (providers.md §1 step 6). Capped like openai-node does,
// so a bogus header can never park the UI for an hour.

export const MAX_RETRY_AFTER_MS = 60_000;

function capDelay(milliseconds: number): number | undefined {
  if (!Number.isFinite(milliseconds) || milliseconds < 0) return undefined;
  return Math.min(Math.round(milliseconds), MAX_RETRY_AFTER_MS);
}

/** `retry-after-ms`, then `retry-after` as seconds or an HTTP date. */
export function readRetryAfterHeaders(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds !== null && milliseconds.trim() !== '') {
    const parsed = capDelay(Number(milliseconds));
    if (parsed !== undefined) return parsed;
  }
  const retryAfter = headers.get('retry-after');
  if (retryAfter === null || retryAfter.trim() === '') return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return capDelay(seconds * 1000);
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : capDelay(Math.max(0, date - now));
}

/** A protobuf Duration string such as Gemini's RetryInfo.retryDelay ("34s", "34.4s", "0.5s"). */
export function parseDurationString(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)\s*$/i.exec(value);
  if (!match?.[1] || !match[2]) return undefined;
  const amount = Number(match[1]);
  const unit = match[2].toLowerCase();
  const factor = unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000;
  return capDelay(amount * factor);
}

/** "Please try again in 644ms" / "try again in 2.5s" / "retry in 20s" inside a message. */
export function readRetryDelayFromMessage(message: string | undefined): number | undefined {
  if (!message) return undefined;
  const match = /(?:try again|retry) in (\d+(?:\.\d+)?)\s*(ms|s|seconds?)\b/i.exec(message);
  if (!match?.[1] || !match[2]) return undefined;
  const amount = Number(match[1]);
  return capDelay(match[2].toLowerCase() === 'ms' ? amount : amount * 1000);
}
