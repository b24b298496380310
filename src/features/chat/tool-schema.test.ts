import { describe, expect, it } from 'vitest';
import { checkAgainstSchema, checkToolDraft } from './tool-schema';

const WEATHER_SCHEMA = '{"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string","enum":["celsius","fahrenheit"]}},"required":["city"]}';

describe('checkToolDraft', () => {
  it('accepts a well-formed tool and returns its parsed schema', () => {
    const check = checkToolDraft({ name: 'get_weather', description: '', parametersText: WEATHER_SCHEMA });
    expect(check).toEqual({ parameters: JSON.parse(WEATHER_SCHEMA) });
  });

  it.each([
    ['', /letter first/],
    ['1abc', /letter first/],
    ['has space', /letter first/],
    ['x'.repeat(65), /at most 64/],
  ])('refuses the name %j', (name, message) => {
    expect(checkToolDraft({ name, description: '', parametersText: WEATHER_SCHEMA }).nameError).toMatch(message);
  });

  it('refuses a name used twice', () => {
    expect(checkToolDraft({ name: 'get_weather', description: '', parametersText: WEATHER_SCHEMA }, ['get_weather']).nameError).toMatch(/already exists/);
  });

  it.each([
    ['{"type":"object",', /Not valid JSON/],
    ['[]', /JSON object/],
    ['{"type":"string"}', /"type": "object"/],
    ['{"type":"object","properties":[]}', /"properties" must be an object/],
    ['{"type":"object","properties":{},"required":["city"]}', /not defined: city/],
  ])('explains what is wrong with %s', (parametersText, message) => {
    expect(checkToolDraft({ name: 'ok', description: '', parametersText }).parametersError).toMatch(message);
  });
});

describe('checkAgainstSchema', () => {
  const schema = JSON.parse(WEATHER_SCHEMA) as unknown;
  it('passes arguments that fit', () => {
    expect(checkAgainstSchema({ city: 'Paris', unit: 'celsius' }, schema)).toEqual([]);
  });

  it('names each problem with its path', () => {
    expect(checkAgainstSchema({ unit: 'kelvin', city: 3 }, schema)).toEqual([
      'arguments.unit: must be one of "celsius", "fahrenheit"',
      'arguments.city: expected string, got integer',
    ]);
    expect(checkAgainstSchema({}, schema)).toEqual(['arguments.city: required but missing']);
  });

  it('checks array items and extra properties when the schema forbids them', () => {
    const strict = { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } }, additionalProperties: false };
    expect(checkAgainstSchema({ tags: ['a', 2], extra: true }, strict)).toEqual(['arguments.tags[1]: expected string, got integer', 'arguments.extra: not in the schema']);
  });
});
