// Provider messages sometimes echo the key they were given (OpenAI masks it, others might not).
// Every error message leaving the adapters goes through here first (security.md R23, T44).

const REDACTED = '[redacted]';

// Shapes of the five providers' keys (providers.md §2.6–6.6), long enough not to hit prose.
const KEY_SHAPES = [
  /sk-[A-Za-z0-9_-]{20,}/g,
  /xai-[A-Za-z0-9_]{20,}/g,
  /AIza[0-9A-Za-z_-]{30,}/g,
  /\b[AI]Q\.[A-Za-z0-9._-]{20,}/g,
];

export function scrubSecret(text: string, secret: string | undefined): string {
  let scrubbed = text;
  if (secret && secret.length >= 8) scrubbed = scrubbed.split(secret).join(REDACTED);
  for (const shape of KEY_SHAPES) scrubbed = scrubbed.replace(shape, REDACTED);
  return scrubbed;
}
