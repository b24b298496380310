// Above a long conversation's mounted messages: how many older ones there are, and a button that
// mounts them, so keyboard and screen-reader users reach every message without scrolling (the
// focus stays on the button; the next Tab goes into the messages just added).
import { Button } from '../../components/ui/button';

export interface EarlierMessagesProps {
  /** Older messages loaded but not mounted yet. */
  hidden: number;
  /** The conversation's older messages are still being read. */
  loading: boolean;
  onShow(): void;
}

export function EarlierMessages({ hidden, loading, onShow }: EarlierMessagesProps) {
  if (loading) return <p role="status" className="mx-auto mb-3 max-w-3xl text-center text-sm text-slate-600 dark:text-slate-400">Loading earlier messages…</p>;
  if (hidden === 0) return null;
  return (
    <div className="mx-auto mb-3 flex max-w-3xl justify-center">
      <Button variant="secondary" size="sm" onClick={onShow}>
        Load earlier messages ({hidden} more)
      </Button>
    </div>
  );
}
