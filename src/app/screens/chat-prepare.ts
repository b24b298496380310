// What the chat screen reads first, loaded after unlocking apart from the chat's own chunk
// (screens.ts), so the list is read while that chunk is still on its way.
export { prefetchConversationList as prepare } from '../../features/chat/conversation-list-loading';
