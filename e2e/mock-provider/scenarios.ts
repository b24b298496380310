// Scenario names, the `[[mock:<name> key=value]]` directive, and how a request picks its scenario.
// Two ways in, because tests need both: a key's endpoint can point at `/scenario/<name>/…` (the
// only way to steer GET /models), and a message can carry a directive (one scenario per message).

export const SUCCESS_SCENARIOS = [
  'default',
  'text',
  'markdown',
  'tool-call',
  'parallel-tool-calls',
  'stream-error',
  'cut-off',
  'slow-first-byte',
  'xss',
  'blocked-prompt',
  'content-filter',
  'length',
  'thinking',
] as const;

export const ERROR_SCENARIOS = [
  'error-401',
  'error-403',
  'error-404',
  'error-429-rate',
  'error-429-quota',
  'error-400-context',
  'error-400-invalid-request',
  'error-500',
  'error-503',
  'error-overloaded',
] as const;

export const OTHER_SCENARIOS = ['redirect'] as const;

export type SuccessScenario = (typeof SUCCESS_SCENARIOS)[number];
export type ErrorScenario = (typeof ERROR_SCENARIOS)[number];
export type ScenarioName = SuccessScenario | ErrorScenario | (typeof OTHER_SCENARIOS)[number];

export const SCENARIO_NAMES: readonly ScenarioName[] = [...SUCCESS_SCENARIOS, ...ERROR_SCENARIOS, ...OTHER_SCENARIOS];

/** Friendlier names people reach for; each maps to one canonical scenario. */
const SCENARIO_ALIASES: Record<string, ScenarioName> = {
  echo: 'default',
  'error-invalid-key': 'error-401',
  'error-529': 'error-overloaded',
  'tool-calls': 'parallel-tool-calls',
  'error-mid-stream': 'stream-error',
  cutoff: 'cut-off',
  reasoning: 'thinking',
};

export type ScenarioParameters = Record<string, string>;

export interface ScenarioChoice {
  name: ScenarioName;
  parameters: ScenarioParameters;
}

export function isErrorScenario(name: ScenarioName): name is ErrorScenario {
  return (ERROR_SCENARIOS as readonly string[]).includes(name);
}

/** Canonical scenario for a name or alias; undefined for an unknown name. */
export function findScenario(name: string): ScenarioName | undefined {
  const lower = name.toLowerCase();
  if ((SCENARIO_NAMES as readonly string[]).includes(lower)) return lower as ScenarioName;
  return SCENARIO_ALIASES[lower];
}

const DIRECTIVE_PATTERN = /\[\[mock:([A-Za-z0-9-]+)((?:\s+[A-Za-z][\w-]*=[^\s\]]*)*)\s*\]\]/;

export interface ParsedDirective {
  name: string;
  parameters: ScenarioParameters;
  /** The message text with the directive removed, so the echo reply repeats only the prompt. */
  remainingText: string;
}

/** Finds `[[mock:<name> key=value ...]]` in a message text. */
export function parseDirective(text: string): ParsedDirective | null {
  const match = DIRECTIVE_PATTERN.exec(text);
  if (!match) return null;
  const parameters: ScenarioParameters = {};
  for (const pair of (match[2] ?? '').trim().split(/\s+/).filter(Boolean)) {
    const separator = pair.indexOf('=');
    parameters[pair.slice(0, separator)] = pair.slice(separator + 1);
  }
  const remainingText = (text.slice(0, match.index) + text.slice(match.index + match[0].length)).trim();
  return { name: match[1] ?? '', parameters, remainingText };
}

/**
 * Reads the path form `<name>` or `<name>,key=value,key=value` (commas because a base URL cannot
 * carry spaces), e.g. `/scenario/markdown,tokens=10000,tps=500/openai/v1`.
 */
export function parsePathScenario(segment: string): { name: string; parameters: ScenarioParameters } {
  const [name = '', ...pairs] = decodeURIComponent(segment).split(',');
  const parameters: ScenarioParameters = {};
  for (const pair of pairs) {
    const separator = pair.indexOf('=');
    if (separator > 0) parameters[pair.slice(0, separator)] = pair.slice(separator + 1);
  }
  return { name, parameters };
}

/** Formats the path form, the inverse of parsePathScenario. */
export function formatPathScenario(name: string, parameters: ScenarioParameters = {}): string {
  const pairs = Object.entries(parameters).map(([key, value]) => `${key}=${value}`);
  return encodeURIComponent([name, ...pairs].join(',')).replace(/%2C/g, ',').replace(/%3D/g, '=');
}

export class UnknownScenarioError extends Error {}

/**
 * The scenario for one request. A directive in the last user message wins over the path, because
 * it is the more specific choice (one message inside a conversation on a scenario endpoint).
 * Parameters merge, the directive's overriding the path's.
 */
export function chooseScenario(
  pathScenario: { name: string; parameters: ScenarioParameters } | null,
  directive: ParsedDirective | null,
): ScenarioChoice {
  const requested = directive ?? pathScenario;
  const parameters = { ...pathScenario?.parameters, ...directive?.parameters };
  if (!requested) return { name: 'default', parameters };
  const name = findScenario(requested.name);
  if (!name) throw new UnknownScenarioError(`Unknown mock scenario "${requested.name}". Known: ${SCENARIO_NAMES.join(', ')}`);
  return { name, parameters };
}

/** A numeric parameter, or the fallback when it is missing or not a finite number. */
export function readNumberParameter(parameters: ScenarioParameters, key: string, fallback: number): number {
  const raw = parameters[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  return Number.isFinite(value) ? value : fallback;
}
