// Checks for user-defined tools, with no React in them: a tool definition as the user types it
// (name, JSON Schema parameters), and a model's call arguments against that schema. The schema
// check covers the JSON Schema subset every provider accepts for tool parameters (type,
// properties, required, enum, items, additionalProperties: false); anything else is not checked.

/** Names every provider accepts: OpenAI allows letters, digits, _ and -, at most 64. */
const TOOL_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export interface ToolDraft {
  name: string;
  description: string;
  parametersText: string;
}

export interface ToolDraftCheck {
  nameError?: string;
  parametersError?: string;
  parameters?: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkParameters(text: string): Pick<ToolDraftCheck, 'parametersError' | 'parameters'> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { parametersError: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isObject(parsed)) return { parametersError: 'Parameters must be a JSON object (a JSON Schema).' };
  if (parsed['type'] !== 'object') return { parametersError: 'The schema needs "type": "object" at the top; providers only take object parameters.' };
  const properties = parsed['properties'];
  if (properties !== undefined && !isObject(properties)) return { parametersError: '"properties" must be an object of named schemas.' };
  const required = parsed['required'];
  if (required !== undefined) {
    if (!Array.isArray(required) || !required.every((entry) => typeof entry === 'string')) return { parametersError: '"required" must be a list of property names.' };
    const missing = required.filter((entry) => !isObject(properties) || !(entry in properties));
    if (missing.length > 0) return { parametersError: `"required" names properties that are not defined: ${missing.join(', ')}.` };
  }
  return { parameters: parsed };
}

/** What is wrong with a tool as typed, field by field; `parameters` is set when the schema is usable. */
export function checkToolDraft(draft: ToolDraft, takenNames: readonly string[] = []): ToolDraftCheck {
  const check: ToolDraftCheck = {};
  const name = draft.name.trim();
  if (!TOOL_NAME.test(name)) check.nameError = 'Use a letter first, then letters, digits, "_" or "-" (at most 64).';
  else if (takenNames.includes(name)) check.nameError = `A tool named ${name} already exists here.`;
  return { ...check, ...checkParameters(draft.parametersText) };
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: unknown): boolean {
  if (typeof type !== 'string') return true;
  const actual = describeType(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** Problems of `value` against `schema`, each naming its path ("city: expected string, got number"). */
export function checkAgainstSchema(value: unknown, schema: unknown, path = 'arguments'): string[] {
  if (!isObject(schema)) return [];
  if (!matchesType(value, schema['type'])) return [`${path}: expected ${String(schema['type'])}, got ${describeType(value)}`];
  const problems: string[] = [];
  if (Array.isArray(schema['enum']) && !schema['enum'].some((option) => JSON.stringify(option) === JSON.stringify(value))) {
    problems.push(`${path}: must be one of ${schema['enum'].map((option) => JSON.stringify(option)).join(', ')}`);
  }
  if (isObject(value)) {
    const properties = isObject(schema['properties']) ? schema['properties'] : {};
    for (const name of Array.isArray(schema['required']) ? schema['required'] : []) {
      if (typeof name === 'string' && !(name in value)) problems.push(`${path}.${name}: required but missing`);
    }
    for (const [name, field] of Object.entries(value)) {
      if (name in properties) problems.push(...checkAgainstSchema(field, properties[name], `${path}.${name}`));
      else if (schema['additionalProperties'] === false) problems.push(`${path}.${name}: not in the schema`);
    }
  }
  if (Array.isArray(value) && isObject(schema['items'])) {
    value.forEach((item, index) => problems.push(...checkAgainstSchema(item, schema['items'], `${path}[${index}]`)));
  }
  return problems;
}
