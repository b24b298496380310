// The open conversation: header with running total, settings, messages, reply actions, composer.
import { useEffect, useState } from 'react';
import type { ConversationMeta } from '../../byok/conversations/conversation-types';
import type { MessageContent } from '../../byok/types';
import { Button } from '../../components/ui/button';
import { updateConversationSettings } from './chat-conversation-actions';
import { ChatHeader } from './chat-header';
import { useChatStore } from './chat-store';
import { regenerateReply, stopReply } from './chat-turn-actions';
import { Composer } from './composer';
import { ConversationSettings } from './conversation-settings';
import { MessageList } from './message-list';
import { ModelSwitcher } from './model-switcher';
import type { AvailableModel } from './use-chat-environment';

export interface ChatPanelProps {
  conversation: ConversationMeta;
  models: AvailableModel[];
  vaultHref: string;
  hrefForConversation(id?: string): string;
  onOpenList(): void;
}

function textOf(content: MessageContent): string {
  return typeof content === 'string' ? content : content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

export function ChatPanel({ conversation, models, vaultHref, hrefForConversation, onOpenList }: ChatPanelProps) {
  const saved = useChatStore((state) => state.openSaved);
  const streaming = useChatStore((state) => state.streaming !== null);
  const messages = useChatStore((state) => state.messages);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [editing, setEditing] = useState<{ text: string } | null>(null);
  const last = messages[messages.length - 1];
  const lastUser = messages.findLast((message) => message.role === 'user');

  // Esc stops the reply wherever the focus is, not only in the composer.
  useEffect(() => {
    if (!streaming) return;
    const onKeyDown = (event: KeyboardEvent) => event.key === 'Escape' && stopReply();
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [streaming]);

  return (
    <section aria-label="Conversation" className="flex h-full min-h-0 flex-col">
      <ChatHeader conversation={conversation} saved={saved} settingsOpen={settingsOpen} onToggleSettings={() => setSettingsOpen(!settingsOpen)} onOpenList={onOpenList} />
      {settingsOpen ? <ConversationSettings key={conversation.id} conversation={conversation} /> : null}
      {messages.length === 0 ? (
        <div className="flex flex-1 flex-col items-center justify-center px-6 text-center text-sm text-slate-600 dark:text-slate-400">
          <p className="text-base font-medium text-slate-800 dark:text-slate-200">Start a conversation</p>
          <p className="mt-1 max-w-sm">Your message goes straight from this browser to the provider. The cost of every reply is shown under it.</p>
        </div>
      ) : (
        <MessageList vaultHref={vaultHref} newConversationHref={hrefForConversation()} />
      )}
      <div className="mx-auto w-full max-w-3xl space-y-2 px-3 pb-3 sm:px-5">
        <div className="flex flex-wrap items-center gap-2">
          <ModelSwitcher models={models} value={{ provider: conversation.provider, model: conversation.model }} disabled={streaming}
            onChange={(selection) => void updateConversationSettings(selection)} />
          <div className="ml-auto flex gap-1">
            {!streaming && lastUser && !editing ? <Button size="sm" variant="ghost" onClick={() => setEditing({ text: textOf(lastUser.content) })}>Edit last message</Button> : null}
            {!streaming && last?.role === 'assistant' ? <Button size="sm" variant="ghost" onClick={() => void regenerateReply()}>Regenerate</Button> : null}
          </div>
        </div>
        <Composer key={editing ? 'edit' : conversation.id} conversation={conversation} editing={editing} onEditDone={() => setEditing(null)}
          onSent={(id) => { if (!saved) window.location.hash = hrefForConversation(id); }} />
      </div>
    </section>
  );
}
