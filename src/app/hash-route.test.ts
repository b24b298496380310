import { describe, expect, it } from 'vitest';
import { hrefFor, parseHashRoute } from './hash-route';

describe('parseHashRoute', () => {
  it('maps each destination and falls back to the vault', () => {
    expect(parseHashRoute('#/models')).toEqual({ destination: 'models', conversationId: null });
    expect(parseHashRoute('#/chat')).toEqual({ destination: 'chat', conversationId: null });
    expect(parseHashRoute('#/vault')).toEqual({ destination: 'vault', conversationId: null });
    expect(parseHashRoute('')).toEqual({ destination: 'vault', conversationId: null });
    expect(parseHashRoute('#/nowhere')).toEqual({ destination: 'vault', conversationId: null });
  });

  it('reads a conversation id and round-trips it through hrefFor', () => {
    const href = hrefFor('chat', 'a b/c');
    expect(parseHashRoute(href)).toEqual({ destination: 'chat', conversationId: 'a b/c' });
  });
});
