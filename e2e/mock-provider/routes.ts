// Maps a request path onto provider, endpoint and scenario. Layout:
//   [/scenario/<name>[,key=value…]]/<provider>/<version>/<endpoint>
// with each provider's real version path, so a base URL differs from the real one only by origin.
import type { BYOKProvider } from '../../src/byok/types';
import type { ScenarioParameters } from './scenarios';
import { parsePathScenario } from './scenarios';

export const API_VERSIONS: Record<BYOKProvider, string> = {
  openai: 'v1', anthropic: 'v1', google: 'v1beta', xai: 'v1', mistral: 'v1',
};

export type Endpoint = 'chat' | 'models' | 'api-key' | 'unknown';

export interface ParsedRoute {
  pathScenario: { name: string; parameters: ScenarioParameters } | null;
  provider: BYOKProvider | null;
  endpoint: Endpoint;
  /** Gemini names the model in the path; the others in the body. */
  modelFromPath: string;
  /** OpenAI's `POST /v1/responses` speaks its own request and event shapes (providers-reasoning.md §1). */
  responsesApi?: boolean;
}

function isProvider(value: string): value is BYOKProvider {
  return Object.prototype.hasOwnProperty.call(API_VERSIONS, value);
}

function findEndpoint(provider: BYOKProvider, method: string, rest: string): { endpoint: Endpoint; modelFromPath: string; responsesApi?: boolean } {
  const isGet = method === 'GET';
  const isPost = method === 'POST';
  if (isGet && rest === 'models') return { endpoint: 'models', modelFromPath: '' };
  if (provider === 'google') {
    const match = /^models\/([^/:]+):streamGenerateContent$/.exec(rest);
    if (isPost && match) return { endpoint: 'chat', modelFromPath: decodeURIComponent(match[1] ?? '') };
    return { endpoint: 'unknown', modelFromPath: '' };
  }
  if (provider === 'anthropic') return { endpoint: isPost && rest === 'messages' ? 'chat' : 'unknown', modelFromPath: '' };
  if (provider === 'openai' && isPost && rest === 'responses') return { endpoint: 'chat', modelFromPath: '', responsesApi: true };
  if (provider === 'xai' && isGet && rest === 'api-key') return { endpoint: 'api-key', modelFromPath: '' };
  return { endpoint: isPost && rest === 'chat/completions' ? 'chat' : 'unknown', modelFromPath: '' };
}

/** Parses a path; OPTIONS requests still learn their provider so the preflight can follow its rules. */
export function parseRoute(method: string, path: string): ParsedRoute {
  let remaining = path;
  let pathScenario: ParsedRoute['pathScenario'] = null;
  const scenarioMatch = /^\/scenario\/([^/]+)(\/.*)$/.exec(remaining);
  if (scenarioMatch) {
    pathScenario = parsePathScenario(scenarioMatch[1] ?? '');
    remaining = scenarioMatch[2] ?? '';
  }
  const [, providerSegment = '', versionSegment = '', ...restSegments] = remaining.split('/');
  if (!isProvider(providerSegment) || versionSegment !== API_VERSIONS[providerSegment]) {
    return { pathScenario, provider: null, endpoint: 'unknown', modelFromPath: '' };
  }
  return { pathScenario, provider: providerSegment, ...findEndpoint(providerSegment, method, restSegments.join('/')) };
}
