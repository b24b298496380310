import { describe, expect, it } from 'vitest';
import { BYOK_PROVIDERS, type BYOKProvider } from './types';
import { PROVIDERS, calculateCost, findModel, formatCost, formatKeyDisplay, getProviderModels, validateKeyFormat } from './provider-config';

describe('seed examples', () => {
  it('prices gpt-4o at $0.0075 for 1,000 in / 500 out, exactly', () => {
    expect(calculateCost('openai', 'gpt-4o', 1000, 500)).toBe(0.0075);
    expect(formatCost(calculateCost('openai', 'gpt-4o', 1000, 500) ?? -1)).toBe('$0.0075');
  });

  it('masks a key as first 5, eight bullets, last 4', () => {
    expect(formatKeyDisplay('sk-proj-abc123def456')).toBe('sk-pr••••••••f456');
    expect(formatKeyDisplay('short-key01')).toBe('•'.repeat(11));
    expect(formatKeyDisplay('exactly-12ch')).toBe('exact••••••••12ch');
  });

  it('lists models by their names', () => {
    expect(getProviderModels('openai').map((model) => model.name)).toContain('GPT-4o');
  });
});

describe('formatCost', () => {
  it.each([
    [0, '$0.00'], [0.00009, '<$0.0001'], [0.0001, '$0.0001'], [0.5, '$0.50'], [0.123456, '$0.1235'],
    [0.12, '$0.12'], [0.123, '$0.123'], [0.99996, '$1.00'], [1, '$1.00'], [1234.5, '$1,234.50'], [1_000_000, '$1,000,000.00'],
  ])('%s → %s', (usd, expected) => {
    expect(formatCost(usd)).toBe(expected);
  });
});

describe('pricing table', () => {
  const seed: Array<[BYOKProvider, string, number, number, number]> = [
    ['openai', 'GPT-4o', 0.0025, 0.01, 128_000],
    ['openai', 'GPT-4o Mini', 0.00015, 0.0006, 128_000],
    ['anthropic', 'Claude Sonnet 4', 0.003, 0.015, 200_000],
    ['anthropic', 'Claude Haiku 3', 0.00025, 0.00125, 200_000],
    ['google', 'Gemini 1.5 Pro', 0.00125, 0.00375, 2_097_152],
    ['google', 'Gemini 1.5 Flash', 0.000075, 0.0003, 1_048_576],
    ['xai', 'Grok 2', 0.002, 0.01, 131_072],
    ['mistral', 'Mistral Large', 0.002, 0.006, 128_000],
  ];
  it.each(seed)('%s %s keeps the seed price', (provider, name, input, output, context) => {
    const model = getProviderModels(provider).find((candidate) => candidate.name === name);
    expect(model).toMatchObject({ inputCostPer1k: input, outputCostPer1k: output, contextWindow: context });
  });

  it('carries all fourteen seed models under their seed names', () => {
    const names = BYOK_PROVIDERS.flatMap((provider) => getProviderModels(provider).map((model) => model.name));
    for (const name of ['GPT-4o', 'GPT-4o Mini', 'GPT-4 Turbo', 'GPT-3.5 Turbo', 'Claude Sonnet 4', 'Claude Opus 4', 'Claude Haiku 3',
      'Gemini 1.5 Pro', 'Gemini 1.5 Flash', 'Grok 2', 'Grok 2 Vision', 'Mistral Large', 'Mistral Small', 'Mistral 7B']) {
      expect(names.filter((candidate) => candidate === name)).toHaveLength(1);
    }
  });

  it('marks retired models with their date (providers.md §7.1)', () => {
    expect(findModel('openai', 'gpt-4-turbo')).toMatchObject({ status: 'retired', retiredOn: '2026-10-23' });
    expect(findModel('anthropic', 'claude-sonnet-4-20250514')).toMatchObject({ status: 'retired', retiredOn: '2026-06-15' });
    expect(findModel('google', 'gemini-1.5-pro')).toMatchObject({ status: 'retired', retiredOn: '2025-09-24' });
    expect(findModel('xai', 'grok-2-vision-1212')).toMatchObject({ status: 'retired', retiredOn: '2026-02-28' });
    expect(findModel('openai', 'gpt-4o')?.status).toBe('active');
  });

  it('keeps the seed Mistral Large and today\'s Mistral Large 3 apart', () => {
    expect(findModel('mistral', 'mistral-large-2411')).toMatchObject({ name: 'Mistral Large', inputCostPer1k: 0.002 });
    expect(findModel('mistral', 'mistral-large-latest')).toMatchObject({ name: 'Mistral Large 3', inputCostPer1k: 0.0005, contextWindow: 262_144 });
  });

  it('has current active models for every provider, with sane data', () => {
    for (const provider of BYOK_PROVIDERS) {
      const models = getProviderModels(provider);
      expect(models.filter((model) => model.status === 'active').length).toBeGreaterThanOrEqual(3);
      expect(new Set(models.map((model) => model.id)).size).toBe(models.length);
      for (const model of models) {
        expect(model.lastVerified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(model.inputCostPer1k).toBeGreaterThan(0);
        expect(model.outputCostPer1k).toBeGreaterThan(0);
        expect(model.maxOutputTokens).toBeLessThanOrEqual(model.contextWindow);
        if (model.status === 'active') expect(model.retiredOn).toBeUndefined();
      }
    }
  });

  it('flags reasoning models that reject temperature', () => {
    expect(findModel('openai', 'gpt-5.5')?.rejectsTemperature).toBe(true);
    expect(findModel('anthropic', 'claude-opus-4-7')?.rejectsTemperature).toBe(true);
    expect(findModel('anthropic', 'claude-sonnet-5')?.rejectsTemperature).toBe(true);
    expect(findModel('anthropic', 'claude-opus-4-6')?.rejectsTemperature).toBeUndefined();
    expect(findModel('openai', 'gpt-4o')?.rejectsTemperature).toBeUndefined();
  });

  it('uses the exact base URLs of providers.md §0', () => {
    expect(Object.fromEntries(BYOK_PROVIDERS.map((provider) => [provider, PROVIDERS[provider].baseUrl]))).toEqual({
      openai: 'https://api.openai.com/v1', anthropic: 'https://api.anthropic.com/v1',
      google: 'https://generativelanguage.googleapis.com/v1beta', xai: 'https://api.x.ai/v1', mistral: 'https://api.mistral.ai/v1',
    });
  });
});

describe('calculateCost', () => {
  it('returns null for unknown models and unusable token counts', () => {
    expect(calculateCost('openai', 'gpt-unknown', 10, 10)).toBeNull();
    expect(calculateCost('openai', 'gpt-4o', -1, 10)).toBeNull();
    expect(calculateCost('openai', 'gpt-4o', Number.NaN, 10)).toBeNull();
  });

  it('applies a tier to the whole request once the prompt passes its threshold', () => {
    expect(calculateCost('google', 'gemini-2.5-pro', 200_000, 1000)).toBe(0.26);
    expect(calculateCost('google', 'gemini-2.5-pro', 200_001, 1000)).toBe(roundTen(200.001 * 0.0025 + 0.015));
    expect(calculateCost('google', 'gemini-1.5-pro', 128_001, 0)).toBe(roundTen(128.001 * 0.0025));
  });

  it('accepts Gemini ids with the models/ prefix and prices zero tokens at zero', () => {
    expect(calculateCost('google', 'models/gemini-1.5-flash', 1000, 1000)).toBe(0.000375);
    expect(calculateCost('xai', 'grok-4.3', 0, 0)).toBe(0);
  });
});

function roundTen(value: number): number {
  return Math.round(value * 1e10) / 1e10;
}

describe('validateKeyFormat', () => {
  const uuid = (): string => crypto.randomUUID();
  const good: Array<[BYOKProvider, string]> = [
    ['openai', `sk-proj-CANARY-${uuid()}`],
    ['openai', `sk-${'a'.repeat(20)}T3BlbkFJ${'b'.repeat(20)}`],
    ['anthropic', `sk-ant-api03-CANARY-${uuid()}`],
    ['anthropic', `sk-ant-api03-${'x'.repeat(93)}AA`],
    ['google', `AIza${'A'.repeat(35)}`],
    ['google', `AQ.${'Ab1_-'.repeat(8)}`],
    ['xai', `xai-CANARY-${uuid()}`],
    ['xai', `xai-${'Z'.repeat(80)}`],
    ['mistral', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6'],
  ];
  it.each(good)('%s accepts %s', (provider, key) => {
    expect(validateKeyFormat(provider, key)).toEqual({ valid: true });
    expect(validateKeyFormat(provider, `  ${key}\n`)).toEqual({ valid: true });
  });

  const bad: Array<[BYOKProvider, string, RegExp]> = [
    ['openai', `sk-admin-CANARY-${uuid()}`, /admin/],
    ['openai', 'sk-short', /sk-/],
    ['openai', `sk-ant-api03-CANARY-${uuid()}`, /Anthropic/],
    ['anthropic', `sk-ant-admin01-CANARY-${uuid()}`, /admin/],
    ['anthropic', `sk-ant-oat01-CANARY-${uuid()}`, /OAuth/],
    ['anthropic', `sk-proj-CANARY-${uuid()}`, /OpenAI/],
    ['anthropic', 'sk-ant-api03-short', /sk-ant-api03-/],
    ['google', 'AIzaTooShort', /30/],
    ['google', `xai-CANARY-${uuid()}`, /xAI/],
    ['xai', 'xai-short', /xai-/],
    ['xai', `CANARY-${uuid()}`, /xai-/],
    ['mistral', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p', /32/],
    ['mistral', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6X', /32/],
    ['mistral', 'A1b2C3d4E5f6G7h8I9j0-1l2M3n4O5p6', /32/],
    ['openai', '', /Paste/],
    ['openai', `sk-proj-CANARY ${uuid()}`, /spaces/],
  ];
  it.each(bad)('%s refuses %s', (provider, key, message) => {
    const result = validateKeyFormat(provider, key);
    expect(result.valid).toBe(false);
    expect(result.error).toMatch(message);
    // The message must never carry the key or a recognisable piece of it.
    if (key.length > 0) {
      expect(result.error).not.toContain(key);
      expect(result.error).not.toContain(key.slice(-8));
    }
  });
});

describe('key-shape messages use the right article', () => {
  it('says "an OpenAI key", "an Anthropic key", "an xAI key", "a Mistral key", and "key starts with"', async () => {
    const { validateKeyFormat, withArticle } = await import('./provider-config');
    expect(validateKeyFormat('openai', 'nope-not-a-key').error).toBe(
      'This is not an OpenAI key. An OpenAI key starts with "sk-" (usually "sk-proj-") followed by at least 20 letters, digits, "-" or "_".',
    );
    expect(validateKeyFormat('openai', 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz').error).toContain('This looks like an Anthropic key, not an OpenAI key.');
    expect(withArticle('xAI')).toBe('an xAI');
    expect(withArticle('Mistral')).toBe('a Mistral');
    expect(withArticle('Google Gemini')).toBe('a Google Gemini');
  });
});
