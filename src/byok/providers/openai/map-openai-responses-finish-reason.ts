// Responses end in a terminal event rather than a finish_reason (providers-reasoning.md §1.5).
import type { FinishReason } from '../../types';

export function mapOpenAIResponsesFinishReason(status: string, incompleteReason: string | undefined, calledTools: boolean): FinishReason {
  if (status === 'completed') return calledTools ? 'tool-calls' : 'stop';
  if (status === 'incomplete') {
    // max_output_tokens counts reasoning too: the answer may be empty (raise the limit or lower effort).
    if (incompleteReason === 'max_output_tokens') return 'length';
    if (incompleteReason === 'content_filter') return 'content-filter';
  }
  return 'other';
}
