import { useMemo } from 'react';
import { ChatScreen } from '../../features/chat/chat-screen';
import { useModelCatalogue } from '../../features/models/use-model-catalogue';
import { UnlockForm } from '../../features/vault/unlock-form';
import { useVaultStore } from '../../features/vault/vault-store';
import { hrefFor, useHashRoute } from '../hash-route';

const hrefForConversation = (id?: string): string => hrefFor('chat', id);

export default function ChatRoute() {
  const { conversationId } = useHashRoute();
  const status = useVaultStore((state) => state.status);
  // The same catalogue as the Models screen (live lists merged in), so every model that screen
  // lets you pick, "price unknown" ones included, can be picked in the chat as well.
  const { entries } = useModelCatalogue();
  const models = useMemo(() => entries.filter((entry) => entry.status === 'active'), [entries]);
  return (
    <ChatScreen
      // A fresh screen once unlocked, so it reads the now open vault from the start.
      key={status === 'unlocked' ? 'unlocked' : 'locked'}
      conversationId={conversationId}
      hrefForConversation={hrefForConversation}
      vaultHref={hrefFor('vault')}
      models={models}
      // Unlocking here keeps this route: the lock reload keeps the hash, so the same chat comes back.
      unlockForm={status === 'locked' ? <UnlockForm /> : undefined}
    />
  );
}
