// The chat screen: a foldable column of conversations beside the open one on a desktop, a drawer on
// a phone. It says plainly when the vault is locked or holds no key, with the way to fix it.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Banner } from '../../components/ui/banner';
import { Drawer } from '../../components/ui/drawer';
import { EmptyState } from '../../components/ui/empty-state';
import { ChatIcon, KeyIcon, LockIcon } from '../../components/ui/icons';
import { Spinner } from '../../components/ui/spinner';
import { useMediaQuery } from '../../lib/use-media-query';
import { openConversation, startListBackgroundWork } from './chat-conversation-actions';
import { loadConversationList } from './conversation-list-loading';
import { ChatPanel } from './chat-panel';
import { setNotice, useChatStore } from './chat-store';
import { ConversationSidebar } from './conversation-sidebar';
import { useLiveConversations } from './live-conversations';
import { useChatEnvironment, type ChatEnvironment, type ChatModelOption } from './use-chat-environment';
import './chat-markdown.css';

export interface ChatScreenProps {
  conversationId?: string | null;
  hrefForConversation?(id?: string): string;
  vaultHref?: string;
  /** Models of the providers with a key, live lists merged in (app/ composes them from the models feature). */
  models?: ChatModelOption[];
  /** Shown in place when the vault is locked, so unlocking keeps this route (app/ supplies it). */
  unlockForm?: ReactNode;
}

const defaultHref = (id?: string): string => (id ? `#/chat/${encodeURIComponent(id)}` : '#/chat');
const LINK_CLASSES = 'inline-flex items-center rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700';

function useOpenConversation(environment: ChatEnvironment, conversationId: string | null) {
  const listStatus = useChatStore((state) => state.listStatus);
  const ready = environment.unlocked && environment.keyedProviders !== null && environment.keyedProviders.length > 0;
  useLiveConversations(environment.unlocked);
  // Needs only the open vault, so it runs alongside the key list read rather than after it.
  useEffect(() => {
    if (environment.unlocked && listStatus === 'idle') void loadConversationList();
  }, [environment.unlocked, listStatus]);
  // After the list's paint (and again whenever it is read again: 'loading', then 'ready').
  useEffect(() => {
    if (environment.unlocked && listStatus === 'ready') return startListBackgroundWork();
    return undefined;
  }, [environment.unlocked, listStatus]);
  // Only a new chat depends on the default model. A saved one must not be asked for again when the
  // model lists arrive: with the route still on the previous conversation, that would cancel the
  // open a click on the list has just started.
  const newChatSelection = conversationId === null ? environment.defaultSelection : null;
  useEffect(() => {
    if (ready && listStatus === 'ready' && (conversationId !== null || newChatSelection)) {
      void openConversation(conversationId, newChatSelection);
    }
  }, [ready, listStatus, conversationId, newChatSelection]);
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

/** Desktop keeps the list as a column that can be folded away; phones open it as a drawer. */
const DESKTOP_QUERY = '(min-width: 1024px)';

export function ChatScreen({ conversationId = null, hrefForConversation = defaultHref, vaultHref = '#/vault', models, unlockForm }: ChatScreenProps) {
  const environment = useChatEnvironment(models);
  useOpenConversation(environment, conversationId);
  const conversation = useChatStore((state) => state.openConversation);
  const messagesStatus = useChatStore((state) => state.messagesStatus);
  const notice = useChatStore((state) => state.notice);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [columnOpen, setColumnOpen] = useState(true);
  // The column is only ever seen on a desktop: on a phone its rows were rendered for nothing, next
  // to the drawer's (which renders its list only while open).
  const desktop = useMediaQuery(DESKTOP_QUERY);
  // Stable, so the memoised list rows do not all re-render whenever this screen does.
  const closeDrawer = useCallback(() => setDrawerOpen(false), []);
  const toggleList = useCallback(() => {
    if (window.matchMedia(DESKTOP_QUERY).matches) setColumnOpen((open) => !open);
    else setDrawerOpen(true);
  }, []);
  const ready = environment.unlocked && (environment.keyedProviders?.length ?? 0) > 0;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <h1 className="sr-only">Chat</h1>
      {notice ? <Banner tone="error" role="alert" action={<button type="button" className="min-h-11 text-sm font-medium underline" onClick={() => setNotice(null)}>Dismiss</button>}>{notice}</Banner> : null}
      {!ready ? <div className="mx-auto w-full max-w-xl p-4">{!environment.unlocked && unlockForm ? unlockForm : <Gate environment={environment} vaultHref={vaultHref} />}</div> : (
        <div className="flex min-h-0 flex-1">
          {columnOpen && desktop ? (
            <div className="hidden w-72 shrink-0 flex-col border-r border-slate-200 bg-white p-3 lg:flex dark:border-slate-800 dark:bg-slate-900" data-testid="conversation-column">
              <ConversationSidebar currentId={conversationId} hrefForConversation={hrefForConversation} onNavigate={closeDrawer} />
            </div>
          ) : null}
          <div className="flex min-h-0 min-w-0 flex-1 flex-col">
            {conversation ? (
              <ChatPanel conversation={conversation} models={environment.models} vaultHref={vaultHref} hrefForConversation={hrefForConversation} onToggleList={toggleList} listOpen={columnOpen} />
            ) : messagesStatus === 'failed' ? (
              <EmptyState title="Conversation not found" icon={<ChatIcon />} action={<a className={LINK_CLASSES} href={hrefForConversation()}>Start a new chat</a>}>
                <p>It may have been deleted, or it could not be decrypted.</p>
              </EmptyState>
            ) : <div className="p-6"><Spinner label="Opening the conversation…" /></div>}
          </div>
          <Drawer open={drawerOpen} label="Conversations" onClose={closeDrawer}>
            <ConversationSidebar currentId={conversationId} hrefForConversation={hrefForConversation} onNavigate={closeDrawer} />
          </Drawer>
        </div>
      )}
    </div>
  );
}
