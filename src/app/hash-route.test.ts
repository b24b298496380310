import { describe, expect, it } from 'vitest';
import { MAX_HASH_LENGTH, UNREADABLE_CONVERSATION_ID, hrefFor, parseHashRoute } from './hash-route';

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

  it('never throws: a malformed escape or an oversized hash opens a conversation that cannot exist', () => {
    expect(parseHashRoute('#/chat/%E0')).toEqual({ destination: 'chat', conversationId: UNREADABLE_CONVERSATION_ID });
    expect(parseHashRoute('#/chat/%')).toEqual({ destination: 'chat', conversationId: UNREADABLE_CONVERSATION_ID });
    expect(parseHashRoute(`#/chat/${'a'.repeat(MAX_HASH_LENGTH)}`)).toEqual({ destination: 'chat', conversationId: UNREADABLE_CONVERSATION_ID });
    expect(parseHashRoute(`#/models/${'%'.repeat(5000)}`)).toEqual({ destination: 'models', conversationId: null });
  });
});
