// Which API endpoints a key may be sent to (security.md R21, T22). Endpoints are parsed with the
// same URL parser fetch uses and compared as origins, never by substring or prefix.
import { BYOKError } from '../types';

/** Plain http is allowed only to the loopback interface (local gateways, the mock provider). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface NormalisedEndpoint {
  /** The API root as the adapter uses it, path included, without a trailing slash. */
  baseUrl: string;
  /** scheme://host[:port]: what the key's record binds to (AAD). */
  origin: string;
}

function refuseEndpoint(reason: string): never {
  throw new BYOKError('INVALID_REQUEST', `This API endpoint is not allowed: ${reason}`);
}

function hasControlCharacter(text: string): boolean {
  return Array.from(text).some((character) => {
    const code = character.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f;
  });
}

function parseEndpoint(baseUrl: string): URL {
  const text = baseUrl.trim();
  // Any whitespace or control character inside would be stripped or escaped by the parser.
  if (text === '' || /[\s\\]/.test(text) || hasControlCharacter(text)) refuseEndpoint('it is empty or contains spaces, control characters or backslashes.');
  try {
    return new URL(text);
  } catch {
    return refuseEndpoint('it is not a valid URL.');
  }
}

function checkHost(url: URL): void {
  const host = url.hostname;
  if (url.username !== '' || url.password !== '' || url.href.includes('@')) refuseEndpoint('it contains "@" (user information), which can hide the real host.');
  if (host === '' || host.endsWith('.')) refuseEndpoint('the host is missing or ends with a dot.');
  // IDN look-alikes are stored by the parser as punycode; refuse them rather than show a deceptive name.
  if (host.split('.').some((label) => label.startsWith('xn--'))) refuseEndpoint('internationalised (punycode) host names are not accepted.');
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(host)) refuseEndpoint('plain http is only allowed for localhost, 127.0.0.1 and [::1]; use https.');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') refuseEndpoint('only https:// endpoints are accepted.');
}

/**
 * Validates an API root and returns it with its origin. Query strings and fragments are refused:
 * the adapter appends paths, and a query is where look-alike tricks (`?api.openai.com`) live.
 */
export function normaliseEndpoint(baseUrl: string): NormalisedEndpoint {
  const url = parseEndpoint(baseUrl);
  checkHost(url);
  if (url.search !== '' || url.hash !== '' || baseUrl.includes('?') || baseUrl.includes('#')) refuseEndpoint('it must not contain a query string or fragment.');
  const path = url.pathname.replace(/\/+$/, '');
  return { baseUrl: `${url.origin}${path}`, origin: url.origin };
}

/** True when two endpoints have the same parsed origin. */
export function isSameOrigin(first: string, second: string): boolean {
  return normaliseEndpoint(first).origin === normaliseEndpoint(second).origin;
}
