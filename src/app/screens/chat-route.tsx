import { memo, useMemo, type ReactNode } from 'react';
import { ChatScreen, type ChatScreenProps } from '../../features/chat/chat-screen';
import { useModelCatalogue } from '../../features/models/use-model-catalogue';
import { UnlockForm } from '../../features/vault/unlock-form';
import { useVaultStore } from '../../features/vault/vault-store';
import { hrefFor, useHashRoute } from '../hash-route';

const hrefForConversation = (id?: string): string => hrefFor('chat', id);

/**
 * The chat screen at the current `#/chat/:id`. It reads the route itself and is memoised, so
 * opening another conversation re-renders the chat screen only, not the model catalogue above it
 * (its queries' options were compared again on every route change: B7 open).
 */
const RoutedChatScreen = memo(function RoutedChatScreen({ models, unlockForm }: { models: ChatScreenProps['models']; unlockForm: ReactNode }) {
  const { conversationId } = useHashRoute();
  return <ChatScreen conversationId={conversationId} hrefForConversation={hrefForConversation} vaultHref={hrefFor('vault')} models={models} unlockForm={unlockForm} />;
});

export default function ChatRoute() {
  const status = useVaultStore((state) => state.status);
  // The same catalogue as the Models screen (live lists merged in), so every model that screen
  // lets you pick, "price unknown" ones included, can be picked in the chat as well.
  const { entries } = useModelCatalogue();
  const models = useMemo(() => entries.filter((entry) => entry.status === 'active'), [entries]);
  // Unlocking here keeps this route: the lock reload keeps the hash, so the same chat comes back.
  const unlockForm = useMemo(() => (status === 'locked' ? <UnlockForm /> : undefined), [status]);
  return (
    // A fresh screen once unlocked, so it reads the now open vault from the start.
    <RoutedChatScreen key={status === 'unlocked' ? 'unlocked' : 'locked'} models={models} unlockForm={unlockForm} />
  );
}
