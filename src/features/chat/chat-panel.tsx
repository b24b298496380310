// The open conversation: a one-row header (list, title and running total, settings, export), the
// messages taking every other row, and the composer with the model picker in its toolbar.
import { useEffect, useState } from 'react';
import type { ConversationMeta } from '../../byok/conversations/conversation-types';
import { Spinner } from '../../components/ui/spinner';
import { ChatHeader } from './chat-header';
import { useChatStore } from './chat-store';
import { stopReply } from './chat-turn-actions';
import { Composer } from './composer';
import { ConversationSettings } from './conversation-settings';
import { MessageList } from './message-list';
import type { ChatModelOption } from './use-chat-environment';

export interface ChatPanelProps {
  conversation: ConversationMeta;
  models: ChatModelOption[];
  vaultHref: string;
  hrefForConversation(id?: string): string;
  /** Opens the drawer on a phone, folds the column on a desktop. */
  onToggleList(): void;
  listOpen: boolean;
}

export function ChatPanel({ conversation, models, vaultHref, hrefForConversation, onToggleList, listOpen }: ChatPanelProps) {
  const saved = useChatStore((state) => state.openSaved);
  const streaming = useChatStore((state) => state.streaming !== null);
  const hasMessages = useChatStore((state) => state.messages.length > 0);
  // A saved conversation whose first read is slow: its header shows, and this, not "Start a conversation".
  const opening = useChatStore((state) => state.messagesStatus === 'loading' && state.messages.length === 0);
  const [settingsOpen, setSettingsOpen] = useState(false);

  // Esc stops the reply wherever the focus is, not only in the composer.
  useEffect(() => {
    if (!streaming) return;
    const onKeyDown = (event: KeyboardEvent) => event.key === 'Escape' && stopReply();
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [streaming]);

  return (
    <section aria-label="Conversation" className="flex min-h-0 flex-1 flex-col">
      <ChatHeader conversation={conversation} saved={saved} settingsOpen={settingsOpen} onToggleSettings={() => setSettingsOpen(!settingsOpen)}
        onToggleList={onToggleList} listOpen={listOpen} />
      {settingsOpen ? <ConversationSettings key={conversation.id} conversation={conversation} /> : null}
      {hasMessages ? (
        <MessageList vaultHref={vaultHref} newConversationHref={hrefForConversation()} />
      ) : opening ? (
        <div className="flex-1 p-6"><Spinner label="Opening the conversation…" /></div>
      ) : (
        <div className="flex flex-1 flex-col items-center justify-center px-6 text-center text-sm text-slate-600 dark:text-slate-400">
          <p className="text-base font-medium text-slate-800 dark:text-slate-200">Start a conversation</p>
          <p className="mt-1 max-w-sm">Your message goes straight from this browser to the provider. The cost of every reply is shown under it.</p>
        </div>
      )}
      <div className="mx-auto w-full max-w-3xl shrink-0 px-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] sm:px-5">
        <Composer key={conversation.id} conversation={conversation} models={models}
          onSent={(id) => { if (!saved) window.location.hash = hrefForConversation(id); }} />
      </div>
    </section>
  );
}
