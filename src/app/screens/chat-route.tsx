import { ChatScreen } from '../../features/chat/chat-screen';

export default function ChatRoute() {
  return <ChatScreen />;
}
