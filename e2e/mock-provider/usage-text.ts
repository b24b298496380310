// The text that tells a person how to use the mock: printed by `npm run mock`, served at GET /.
import type { BYOKProvider } from '../../src/byok/types';
import { BYOK_PROVIDERS } from '../../src/byok/types';
import { SCENARIO_NAMES } from './scenarios';

export function describeMockServer(origin: string, baseUrlFor: (provider: BYOKProvider, scenario?: string) => string): string {
  const lines = [
    `VIVIM mock provider on ${origin}`,
    '',
    'Base URLs (put one in a key\'s endpoint):',
    ...BYOK_PROVIDERS.map((provider) => `  ${provider.padEnd(10)} ${baseUrlFor(provider)}`),
    '',
    'Pick a scenario for a whole endpoint:',
    `  ${baseUrlFor('openai', 'markdown,tokens=10000,tps=500')}`,
    'or per message, anywhere in the last user message:',
    '  [[mock:text tokens=2000 tps=500]]   [[mock:error-429-rate]]   [[mock:tool-call]]',
    '',
    `Scenarios: ${SCENARIO_NAMES.join(', ')}`,
    'Parameters: tokens, tps (tokens/s), chunk (tokens per event), delayMs (before headers),',
    '  firstEventDelayMs, retryAfter (s), expose=none|all, only (xss index), reason (Gemini block),',
    '  destroy=1 (cut-off: drop the socket), status and to (redirect).',
    'A key containing INVALID gets the provider\'s invalid-key error.',
    '',
    `Record: GET ${origin}/__mock/requests · DELETE ${origin}/__mock/requests · GET ${origin}/__mock/health`,
  ];
  return lines.join('\n');
}
