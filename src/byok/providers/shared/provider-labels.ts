import type { BYOKProvider } from '../../types';

// Names used in error messages. Kept here (not read from provider-config) because provider code
// may only depend on types.ts, provider-adapter.ts and shared/.
export const PROVIDER_LABELS: Record<BYOKProvider, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google Gemini',
  xai: 'xAI',
  mistral: 'Mistral',
};
