import { EmptyState } from '../../components/ui/empty-state';
import { ChartIcon } from '../../components/ui/icons';

export function ModelsScreen() {
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Models</h1>
      <EmptyState title="A priced catalogue of every model" icon={<ChartIcon />}>
        <p>
          Compare models from all five providers by price per 1K tokens, context window and features, and pick the one
          new chats should use.
        </p>
        <p>The catalogue is not available in this version yet.</p>
      </EmptyState>
    </div>
  );
}
