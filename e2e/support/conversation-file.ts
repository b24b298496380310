// Builds a conversation export file in the app's JSON format, to import a long chat in one step.
export function buildConversationExportFile(title: string, turns: number, reply = (index: number) => `Reply number ${index + 1}, short and plain.`) {
  const conversationId = 'imported-conversation';
  const messages = Array.from({ length: turns * 2 }, (_, sequence) => {
    const turn = Math.floor(sequence / 2);
    const isUser = sequence % 2 === 0;
    return {
      id: `message-${sequence}`, conversationId, sequence, role: isUser ? 'user' : 'assistant',
      content: isUser ? `Question number ${turn + 1}?` : reply(turn), status: 'complete', createdAt: 1_700_000_000_000 + sequence,
      ...(isUser ? {} : { provider: 'openai', model: 'gpt-4o', usage: { inputTokens: 10, outputTokens: 8, totalTokens: 18 }, cost: 0.0001 }),
    };
  });
  const data = {
    format: 'vivim-byok-conversation', version: 1,
    conversation: {
      id: conversationId, title, provider: 'openai', model: 'gpt-4o', settings: {}, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000,
      totalCost: 0.001, totalInputTokens: 100, totalOutputTokens: 80, messageCount: messages.length,
    },
    messages,
  };
  return { name: 'conversation.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) };
}
