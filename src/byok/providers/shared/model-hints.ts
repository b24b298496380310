// What a request converter needs to know about a model. The registry (providers/index.ts) fills
// it from the catalogue; provider folders never read the catalogue themselves (architecture.md).

export interface ModelHints {
  /** Reasoning models reject temperature (OpenAI o-series / gpt-5, newest Claude models). */
  rejectsTemperature?: boolean;
  maxOutputTokens?: number;
  vision?: boolean;
}

export type DescribeModel = (modelId: string) => ModelHints | undefined;

export interface AdapterOptions {
  describeModel?: DescribeModel;
}

export function clampNumber(value: number, minimum: number, maximum: number): number {
  return Math.min(maximum, Math.max(minimum, value));
}
