// What a refused send offers: send this one message anyway (exactly once, past the budget), or go
// and raise the budget in the vault.
import { Button } from '../../components/ui/button';
import { sendOnceOverBudget } from './chat-turn-actions';

export function BudgetRefusalActions({ messageId, vaultHref }: { messageId: string; vaultHref: string }) {
  return (
    <span className="flex flex-wrap items-center gap-3">
      <Button size="sm" variant="secondary" onClick={() => sendOnceOverBudget(messageId)}>Send once anyway</Button>
      <a className="font-medium underline underline-offset-2 hover:no-underline" href={vaultHref}>Raise budget</a>
    </span>
  );
}
