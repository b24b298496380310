// The live estimate of what the next send costs on the input side, before anything is sent.
import { useMemo } from 'react';
import type { ConversationMeta } from '../../byok/conversations/conversation-types';
import { formatCost } from '../../byok/provider-config';
import type { ImagePart } from '../../byok/types';
import { convertToChatMessages } from './build-chat-request';
import { useChatStore } from './chat-store';
import { estimateInputCost, estimateRequestTokens } from './estimate-tokens';

export interface InputCostEstimateProps {
  conversation: ConversationMeta;
  draft: string;
  images: ImagePart[];
}

export function InputCostEstimate({ conversation, draft, images }: InputCostEstimateProps) {
  const messages = useChatStore((state) => state.messages);
  const history = useMemo(() => convertToChatMessages(messages), [messages]);
  const request = useMemo(() => {
    const content = images.length > 0 ? [{ type: 'text' as const, text: draft }, ...images] : draft;
    return [...history, { role: 'user' as const, content }];
  }, [history, draft, images]);
  const systemPrompt = conversation.settings.systemPrompt ?? '';
  const tokens = estimateRequestTokens(request, systemPrompt);
  const cost = estimateInputCost(conversation.provider, conversation.model, request, systemPrompt);
  return (
    <p className="truncate text-xs text-slate-600 tabular-nums dark:text-slate-400" data-testid="input-cost-estimate" title="Estimated from about four characters per token; the provider's count is shown under the reply.">
      ≈ {tokens.toLocaleString('en-US')}<span className="hidden sm:inline"> input tokens</span><span className="sm:hidden"> in</span> · {cost === null ? 'price unknown' : formatCost(cost)}
    </p>
  );
}
