import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../byok/provider-config';
import { BYOK_PROVIDERS } from '../byok/types';
import { CONTENT_SECURITY_POLICY, PROVIDER_API_ORIGINS, buildWorkerPolicy, isConnectableOrigin } from './content-security-policy';

describe('content security policy', () => {
  it('lists exactly the five providers\' API origins', () => {
    expect([...PROVIDER_API_ORIGINS].sort()).toEqual(BYOK_PROVIDERS.map((provider) => new URL(PROVIDERS[provider].baseUrl).origin).sort());
  });

  it('T24: the worker policy is pinned, with approved origins and nothing else in connect-src', () => {
    expect(buildWorkerPolicy(['http://127.0.0.1:8080', 'https://gateway.example', 'https://api.openai.com'], true)).toBe([
      "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "font-src 'self'",
      "connect-src 'self' https://api.openai.com https://api.anthropic.com https://generativelanguage.googleapis.com https://api.x.ai https://api.mistral.ai http://127.0.0.1:8080 https://gateway.example",
      "worker-src 'self'", "manifest-src 'self'", "frame-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
      "frame-ancestors 'none'", "require-trusted-types-for 'script'", 'trusted-types app-html default', 'upgrade-insecure-requests',
    ].join('; '));
    expect(buildWorkerPolicy([], false)).not.toContain('upgrade-insecure-requests');
  });

  it.each([
    'https://evil.example; script-src *', 'https://evil.example/path', 'http://evil.example', 'https://*.example', '*', "'unsafe-inline'",
    'https://xn--pple-43d.com', 'javascript:alert(1)', 42, null, 'https://api.openai.com.', ' https://a.example',
  ])('drops %s from connect-src', (origin) => {
    expect(isConnectableOrigin(origin)).toBe(false);
    expect(buildWorkerPolicy([origin], false)).not.toContain(String(origin));
  });

  it('keeps no unsafe source anywhere, and Trusted Types in the first-load <meta> too', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, buildWorkerPolicy(['https://a.example'], true)]) {
      expect(policy).not.toMatch(/unsafe-|wasm-unsafe-eval/);
      expect(policy).toContain("require-trusted-types-for 'script'");
    }
    expect(CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
  });
});
