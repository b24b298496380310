// A conversation's running total, the same words wherever it is shown (header, list, export). A
// total that includes a reply counted from its text is marked "≈", as that reply's own footer is.
import { formatCost } from '../../byok/provider-config';
import type { ConversationMeta } from '../../byok/conversations/conversation-types';

export const ESTIMATED_TOTAL_HINT = 'Includes replies estimated from their text: the provider sent no token count for them.';

export function formatConversationCost(conversation: Pick<ConversationMeta, 'totalCost' | 'estimatedTotals'>): string {
  return `${conversation.estimatedTotals ? '≈ ' : ''}${formatCost(conversation.totalCost)}`;
}
