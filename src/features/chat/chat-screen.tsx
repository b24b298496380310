// The chat screen: a sidebar of conversations beside the open one on a desktop, a drawer on a
// phone. It says plainly when the vault is locked or holds no key, with the way to fix it.
import { useCallback, useEffect, useState } from 'react';
import { Banner } from '../../components/ui/banner';
import { EmptyState } from '../../components/ui/empty-state';
import { ChatIcon, KeyIcon, LockIcon } from '../../components/ui/icons';
import { Spinner } from '../../components/ui/spinner';
import { loadConversationList, openConversation } from './chat-conversation-actions';
import { ChatPanel } from './chat-panel';
import { setNotice, useChatStore } from './chat-store';
import { ConversationSidebar } from './conversation-sidebar';
import { useChatEnvironment, type ChatEnvironment } from './use-chat-environment';
import './chat-markdown.css';

export interface ChatScreenProps {
  conversationId?: string | null;
  hrefForConversation?(id?: string): string;
  vaultHref?: string;
}

const defaultHref = (id?: string): string => (id ? `#/chat/${encodeURIComponent(id)}` : '#/chat');
const LINK_CLASSES = 'inline-flex items-center rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700';

function useOpenConversation(environment: ChatEnvironment, conversationId: string | null) {
  const listStatus = useChatStore((state) => state.listStatus);
  const ready = environment.unlocked && environment.keyedProviders !== null && environment.keyedProviders.length > 0;
  // Needs only the open vault, so it runs alongside the key list read rather than after it.
  useEffect(() => {
    if (environment.unlocked && listStatus === 'idle') void loadConversationList();
  }, [environment.unlocked, listStatus]);
  useEffect(() => {
    if (ready && listStatus === 'ready' && (conversationId !== null || environment.defaultSelection)) {
      void openConversation(conversationId, environment.defaultSelection);
    }
  }, [ready, listStatus, conversationId, environment.defaultSelection]);
}

function Gate({ environment, vaultHref }: { environment: ChatEnvironment; vaultHref: string }) {
  if (!environment.unlocked) {
    return (
      <EmptyState title="The vault is locked" icon={<LockIcon />} action={<a className={LINK_CLASSES} href={vaultHref}>Unlock the vault</a>}>
        <p>Your conversations are encrypted with the vault key. Unlock the vault to read them and to chat.</p>
      </EmptyState>
    );
  }
  if (environment.keyedProviders === null) return <Spinner label="Reading your keys…" />;
  return (
    <EmptyState title="Add an API key to start chatting" icon={<KeyIcon />} action={<a className={LINK_CLASSES} href={vaultHref}>Add a key in the vault</a>}>
      <p>Chats go straight from this browser to OpenAI, Anthropic, Google Gemini, xAI or Mistral with your own key.</p>
    </EmptyState>
  );
}

export function ChatScreen({ conversationId = null, hrefForConversation = defaultHref, vaultHref = '#/vault' }: ChatScreenProps) {
  const environment = useChatEnvironment();
  useOpenConversation(environment, conversationId);
  const conversation = useChatStore((state) => state.openConversation);
  const messagesStatus = useChatStore((state) => state.messagesStatus);
  const notice = useChatStore((state) => state.notice);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Stable, so the memoised list rows do not all re-render whenever this screen does.
  const closeDrawer = useCallback(() => setDrawerOpen(false), []);
  const ready = environment.unlocked && (environment.keyedProviders?.length ?? 0) > 0;

  return (
    <div className="space-y-3">
      <h1 className="sr-only">Chat</h1>
      {notice ? <Banner tone="error" role="alert" action={<button type="button" className="text-sm font-medium underline" onClick={() => setNotice(null)}>Dismiss</button>}>{notice}</Banner> : null}
      {!ready ? <Gate environment={environment} vaultHref={vaultHref} /> : (
        <div className="relative grid h-[calc(100dvh-11.5rem)] min-h-[30rem] overflow-hidden rounded-2xl border border-slate-200 bg-slate-50/60 shadow-sm dark:border-slate-800 dark:bg-slate-950/60 sm:h-[calc(100dvh-9.5rem)] lg:grid-cols-[17rem_1fr]">
          <div className={`${drawerOpen ? 'absolute inset-0 z-30 flex' : 'hidden'} flex-col border-r border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900 lg:static lg:flex`}>
            {drawerOpen ? <button type="button" onClick={() => setDrawerOpen(false)} className="mb-2 self-end rounded-lg px-2 py-1 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800 lg:hidden">Close</button> : null}
            <ConversationSidebar currentId={conversationId} hrefForConversation={hrefForConversation} onNavigate={closeDrawer} />
          </div>
          <div className="min-h-0 min-w-0 bg-white/40 dark:bg-slate-900/40">
            {conversation ? (
              <ChatPanel conversation={conversation} models={environment.models} vaultHref={vaultHref} hrefForConversation={hrefForConversation} onOpenList={() => setDrawerOpen(true)} />
            ) : messagesStatus === 'failed' ? (
              <EmptyState title="Conversation not found" icon={<ChatIcon />} action={<a className={LINK_CLASSES} href={hrefForConversation()}>Start a new chat</a>}>
                <p>It may have been deleted, or it could not be decrypted.</p>
              </EmptyState>
            ) : <div className="p-6"><Spinner label="Opening the conversation…" /></div>}
          </div>
        </div>
      )}
    </div>
  );
}
