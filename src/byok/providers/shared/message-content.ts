// Small helpers every request converter needs around ChatMessage content.
import { BYOKError, BYOK_ERROR_CODES } from '../../types';
import type { BYOKProvider, ChatMessage, MessageContent } from '../../types';
import type { ModelHints } from './model-hints';
import { PROVIDER_LABELS } from './provider-labels';

/** The text of a message; image parts are dropped (used where a role cannot carry images). */
export function joinTextParts(content: MessageContent): string {
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

function hasImage(message: ChatMessage): boolean {
  return message.role !== 'tool' && typeof message.content !== 'string' && message.content.some((part) => part.type === 'image');
}

/** Refuse before sending rather than pay for a provider 400 on a model that cannot see images. */
export function assertImagesSupported(
  messages: ChatMessage[],
  model: string,
  hints: ModelHints | undefined,
  provider: BYOKProvider,
): void {
  if (hints?.vision !== false || !messages.some(hasImage)) return;
  throw new BYOKError(
    BYOK_ERROR_CODES.INVALID_REQUEST,
    `${PROVIDER_LABELS[provider]} model ${model} does not accept images; remove the attachment or pick a vision model.`,
    { provider },
  );
}

/** The requested max tokens, never above what the model can produce (when that is known). */
export function limitMaxTokens(requested: number | undefined, hints: ModelHints | undefined): number | undefined {
  if (requested === undefined || !Number.isFinite(requested)) return undefined;
  const ceiling = hints?.maxOutputTokens;
  const wanted = Math.max(1, Math.floor(requested));
  return ceiling !== undefined && ceiling > 0 ? Math.min(wanted, ceiling) : wanted;
}
