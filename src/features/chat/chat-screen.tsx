import { EmptyState } from '../../components/ui/empty-state';
import { ChatIcon } from '../../components/ui/icons';

export function ChatScreen() {
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Chat</h1>
      <EmptyState title="Conversations stream straight from your browser" icon={<ChatIcon />}>
        <p>
          Replies will stream directly from the provider you pick, with the cost of every message shown under it.
          Nothing passes through a server of ours.
        </p>
        <p>Chatting is not available in this version yet.</p>
      </EmptyState>
    </div>
  );
}
