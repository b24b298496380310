// The provider catalogue and the pure helpers around it: cost maths, cost and key display, and the
// local (offline) key-format check. No network, no storage.
import type { BYOKProvider, KeyFormat, ModelFeatures, ProviderConfig, ProviderModel } from './types';
import { PRICING_TABLE } from './pricing-table';
import { priceUsage } from './pricing/price-usage';

const ALL_FEATURES: ModelFeatures = { streaming: true, functionCalling: true, vision: true };

/**
 * Key shapes (providers.md §2.6–6.6). The patterns are deliberately more lenient than the
 * secret-scanner rules: the provider's free GET /models is the real check, and a pattern that is
 * too strict would refuse future key generations and the test canaries (`xai-CANARY-<uuid>`).
 * Each pattern is applied to the trimmed key.
 */
const KEY_FORMATS: Record<BYOKProvider, KeyFormat> = {
  openai: {
    // Real keys: sk-proj-/sk-svcacct- (164 or 132 chars) and legacy sk- (51 chars).
    pattern: /^sk-[A-Za-z0-9_-]{20,}$/,
    example: 'sk-proj-…',
    description: 'starts with "sk-" (usually "sk-proj-") followed by at least 20 letters, digits, "-" or "_"',
  },
  anthropic: {
    // Real keys are sk-ant-api03- + 93 chars + AA (108). Any two-digit api version and ≥ 20
    // characters are accepted so a new key generation or a test key is not refused offline.
    pattern: /^sk-ant-api\d{2}-[A-Za-z0-9_-]{20,}$/,
    example: 'sk-ant-api03-…',
    description: 'starts with "sk-ant-api03-" followed by at least 20 letters, digits, "-" or "_"',
  },
  google: {
    // Legacy AIza… (39 chars) and the 2026 "AQ." auth keys: the prefix is not checked (providers.md §4.6).
    pattern: /^[A-Za-z0-9._-]{30,}$/,
    example: 'AIza… or AQ.…',
    description: 'at least 30 letters, digits, ".", "-" or "_" (keys usually start with "AIza" or "AQ.")',
  },
  xai: {
    // Real keys are xai- + 80 of [A-Za-z0-9_]. Length is not pinned and "-" is allowed so that
    // canary and mock keys (`xai-CANARY-<uuid>`) pass; GET /models decides on real keys.
    pattern: /^xai-[A-Za-z0-9_-]{20,}$/,
    example: 'xai-…',
    description: 'starts with "xai-" followed by at least 20 letters, digits, "-" or "_"',
  },
  mistral: {
    pattern: /^[A-Za-z0-9]{32}$/,
    example: '32 letters and digits',
    description: 'exactly 32 letters and digits, with no prefix',
  },
};

function createProviderConfig(id: BYOKProvider, displayName: string, baseUrl: string): ProviderConfig {
  return { id, name: id, displayName, baseUrl, keyFormat: KEY_FORMATS[id], features: ALL_FEATURES, models: PRICING_TABLE[id] };
}

/** Base URLs are API roots including the version path (providers.md §0). */
export const PROVIDERS: Record<BYOKProvider, ProviderConfig> = {
  openai: createProviderConfig('openai', 'OpenAI', 'https://api.openai.com/v1'),
  anthropic: createProviderConfig('anthropic', 'Anthropic', 'https://api.anthropic.com/v1'),
  google: createProviderConfig('google', 'Google Gemini', 'https://generativelanguage.googleapis.com/v1beta'),
  xai: createProviderConfig('xai', 'xAI', 'https://api.x.ai/v1'),
  mistral: createProviderConfig('mistral', 'Mistral', 'https://api.mistral.ai/v1'),
};

export function getProviderModels(provider: BYOKProvider): ProviderModel[] {
  return PROVIDERS[provider].models;
}

/** Finds a model by its API id; Gemini's `models/` prefix (as GET /models reports it) is ignored. */
export function findModel(provider: BYOKProvider, modelId: string): ProviderModel | undefined {
  const id = provider === 'google' && modelId.startsWith('models/') ? modelId.slice('models/'.length) : modelId;
  return PROVIDERS[provider].models.find((model) => model.id === id);
}

/**
 * USD cost of one request, or null when the model has no known price or the token counts are not
 * usable numbers. When the prompt is larger than a tier's threshold, that tier's prices apply to
 * the whole request (how Gemini and Anthropic bill long prompts). Retired models keep their price
 * so that past usage can still be costed. The seed's API: cached tokens go through
 * calculateUsageCost (usage-cost.ts), which this shares its maths with.
 */
export function calculateCost(provider: BYOKProvider, modelId: string, inputTokens: number, outputTokens: number): number | null {
  const model = findModel(provider, modelId);
  if (!model) return null;
  return priceUsage(model, { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens });
}

// Made on first use, not at load: a page's first Intl formatter costs 20–100 ms of ICU start-up,
// and this module is on the unlock screen's path, which formats no money (performance.md B6).
let thousands: Intl.NumberFormat | undefined;
const thousandsFormat = (): Intl.NumberFormat => (thousands ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/**
 * `0` → "$0.00"; below 0.0001 → "<$0.0001"; below 1 → four decimals with trailing zeros trimmed
 * down to two; from 1 up → two decimals with thousands separators (product.md).
 */
export function formatCost(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  if (usd < 0) return `-${formatCost(-usd)}`;
  if (usd === 0) return '$0.00';
  if (usd < 0.0001) return '<$0.0001';
  if (usd < 1) {
    const fixed = usd.toFixed(4);
    // Rounding can carry 0.99996 up to 1.0000: from there the ≥ 1 format applies.
    if (Number(fixed) >= 1) return `$${thousandsFormat().format(Number(fixed))}`;
    return `$${fixed.replace(/0{1,2}$/, '')}`;
  }
  return `$${thousandsFormat().format(usd)}`;
}

const MASK = '•';

/** First 5 characters, eight bullets, last 4; keys under 12 characters are all bullets. */
export function formatKeyDisplay(key: string): string {
  if (key.length < 12) return MASK.repeat(key.length);
  return `${key.slice(0, 5)}${MASK.repeat(8)}${key.slice(-4)}`;
}

export interface KeyFormatResult {
  valid: boolean;
  error?: string;
}

/** Keys that are API keys but the wrong kind for chat: refused with the reason. */
const REFUSED_PREFIXES: Partial<Record<BYOKProvider, Array<{ prefix: string; reason: string }>>> = {
  openai: [{ prefix: 'sk-admin-', reason: 'This is an OpenAI admin key ("sk-admin-"); admin keys belong to the admin API and cannot be used for chat. Create a project key ("sk-proj-…") instead.' }],
  anthropic: [
    { prefix: 'sk-ant-admin', reason: 'This is an Anthropic admin key ("sk-ant-admin01-"); admin keys do not work for messages. Create an API key ("sk-ant-api03-…") instead.' },
    { prefix: 'sk-ant-oat', reason: 'This is an Anthropic OAuth token ("sk-ant-oat01-"), not an API key. Create an API key ("sk-ant-api03-…") instead.' },
  ],
};

/** Recognisable prefixes of other providers' keys, so a key pasted in the wrong row gets a useful message. */
const OTHER_PROVIDER_PREFIXES: Array<{ provider: BYOKProvider; prefix: string }> = [
  { provider: 'anthropic', prefix: 'sk-ant-' },
  { provider: 'xai', prefix: 'xai-' },
  { provider: 'google', prefix: 'AIza' },
  { provider: 'openai', prefix: 'sk-' },
];

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function findWrongProvider(provider: BYOKProvider, key: string): BYOKProvider | undefined {
  const match = OTHER_PROVIDER_PREFIXES.find((candidate) => key.startsWith(candidate.prefix));
  return match && match.provider !== provider ? match.provider : undefined;
}

/** "an OpenAI key", "an Anthropic key", "an xAI key", "a Mistral key": by how the name is said. */
export function withArticle(providerName: string): string {
  return `${/^[aeiox]/i.test(providerName) ? 'an' : 'a'} ${providerName}`;
}

/**
 * Local, offline check of a key's shape. Surrounding whitespace from a paste is ignored. The error
 * names the expected shape and never repeats the key or any part of it.
 */
export function validateKeyFormat(provider: BYOKProvider, key: string): KeyFormatResult {
  const config = PROVIDERS[provider];
  const trimmed = key.trim();
  const expected = `${capitalise(withArticle(config.displayName))} key ${config.keyFormat.description}.`;
  if (trimmed === '') return { valid: false, error: `Paste your ${config.displayName} API key. ${expected}` };
  if (/\s/.test(trimmed)) return { valid: false, error: `The key contains spaces or line breaks. ${expected}` };
  const refused = REFUSED_PREFIXES[provider]?.find((candidate) => trimmed.startsWith(candidate.prefix));
  if (refused) return { valid: false, error: refused.reason };
  const wrongProvider = findWrongProvider(provider, trimmed);
  if (wrongProvider) {
    return { valid: false, error: `This looks like ${withArticle(PROVIDERS[wrongProvider].displayName)} key, not ${withArticle(config.displayName)} key. ${expected}` };
  }
  if (!config.keyFormat.pattern.test(trimmed)) return { valid: false, error: `This is not ${withArticle(config.displayName)} key. ${expected}` };
  return { valid: true };
}
