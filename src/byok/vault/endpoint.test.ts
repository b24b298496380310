import { describe, expect, it } from 'vitest';
import { isBYOKError } from '../types';
import { isSameOrigin, normaliseEndpoint } from './endpoint';

describe('T22 normaliseEndpoint', () => {
  it.each([
    ['https://api.openai.com/v1', 'https://api.openai.com/v1', 'https://api.openai.com'],
    ['https://api.openai.com/v1/', 'https://api.openai.com/v1', 'https://api.openai.com'],
    ['  https://API.OpenAI.com:443/v1 ', 'https://api.openai.com/v1', 'https://api.openai.com'],
    ['http://localhost:8787/v1', 'http://localhost:8787/v1', 'http://localhost:8787'],
    ['http://127.0.0.1:3000/v1beta', 'http://127.0.0.1:3000/v1beta', 'http://127.0.0.1:3000'],
    ['http://[::1]:9000/v1', 'http://[::1]:9000/v1', 'http://[::1]:9000'],
    ['https://gateway.example.com/openai/v1', 'https://gateway.example.com/openai/v1', 'https://gateway.example.com'],
  ])('accepts %s', (input, baseUrl, origin) => {
    expect(normaliseEndpoint(input)).toEqual({ baseUrl, origin });
  });

  it.each([
    'https://evil.example/?api.openai.com',
    'https://api.openai.com@evil.example',
    'https://user:pass@api.openai.com/v1',
    'http://api.openai.com/v1',
    'http://192.168.1.5/v1',
    'http://localhost.evil.example/v1',
    'https://api.openai.com./v1',
    'https://xn--pi-7ba.openai.com/v1',
    'https://аpi.openai.com/v1',
    'https://api.openai.com/v1#x',
    'ftp://api.openai.com/v1',
    'javascript:alert(1)',
    'data:text/plain,hi',
    'not a url',
    '',
    'https://api.openai.com\\@evil.example',
    'https://api.openai.com/v\n1',
  ])('refuses %s', (input) => {
    let outcome: unknown;
    try {
      outcome = normaliseEndpoint(input);
    } catch (error) {
      outcome = error;
    }
    expect(isBYOKError(outcome, 'INVALID_REQUEST')).toBe(true);
  });

  it('compares parsed origins, never substrings', () => {
    expect(isSameOrigin('https://api.openai.com.evil.example/v1', 'https://api.openai.com/v1')).toBe(false);
    expect(isSameOrigin('https://evil.example/api.openai.com', 'https://api.openai.com/v1')).toBe(false);
    expect(isSameOrigin('https://api.openai.com/v1', 'https://API.OPENAI.COM/other')).toBe(true);
  });
});
