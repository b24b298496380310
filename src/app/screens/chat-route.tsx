import { ChatScreen } from '../../features/chat/chat-screen';
import { hrefFor, useHashRoute } from '../hash-route';

const hrefForConversation = (id?: string): string => hrefFor('chat', id);

export default function ChatRoute() {
  const { conversationId } = useHashRoute();
  return <ChatScreen conversationId={conversationId} hrefForConversation={hrefForConversation} vaultHref={hrefFor('vault')} />;
}
