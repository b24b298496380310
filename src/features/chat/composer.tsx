// Enter sends, Shift+Enter is a new line, Esc stops the reply. Images come by paste, drop or the
// file picker, and only for models with vision. The toolbar under the text holds the model picker,
// the live input-cost estimate and Send, so the chat needs no extra rows above the composer.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ConversationMeta } from '../../byok/conversations/conversation-types';
import type { MessageContent } from '../../byok/types';
import { Button } from '../../components/ui/button';
import { useOnlineStatus } from '../../lib/use-online-status';
import { AttachmentStrip } from './attachment-strip';
import { updateConversationSettings } from './chat-conversation-actions';
import { flushDraft, restoreDraft, updateDraft } from './chat-drafts';
import { draftKeyFor, useChatStore } from './chat-store';
import { sendMessage, stopReply } from './chat-turn-actions';
import { EffortControl } from './effort-control';
import { InputCostEstimate } from './input-cost-estimate';
import { ModelPicker } from './model-picker';
import { ACCEPTED_IMAGE_TYPES } from './read-image-attachment';
import { useAttachments } from './use-attachments';
import type { ChatModelOption } from './use-chat-environment';

export interface ComposerProps {
  conversation: ConversationMeta;
  models: ChatModelOption[];
  onSent(conversationId: string): void;
}

function PaperclipIcon() {
  return <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden="true"><path d="m20 11-8.5 8.5a5 5 0 0 1-7-7L13 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L14 7" /></svg>;
}

export function Composer({ conversation, models, onSent }: ComposerProps) {
  const draftKey = useChatStore(draftKeyFor);
  const text = useChatStore((state) => state.drafts[draftKey] ?? '');
  const streaming = useChatStore((state) => state.streaming !== null);
  // A reply another tab is still writing into this conversation: wait for it (live-conversations.ts).
  const streamingElsewhere = useChatStore((state) => state.streaming === null && state.messages.at(-1)?.status === 'streaming');
  const online = useOnlineStatus();
  const model = models.find((entry) => entry.provider === conversation.provider && entry.id === conversation.model);
  const attachments = useAttachments(model?.features?.vision ? model.name : null);
  const fileInput = useRef<HTMLInputElement>(null);
  const empty = text.trim().length === 0 && attachments.images.length === 0;

  useEffect(() => {
    void restoreDraft(draftKey);
  }, [draftKey]);

  async function submit() {
    if (streaming || streamingElsewhere || empty || !online) return;
    const content: MessageContent = attachments.images.length > 0 ? [{ type: 'text', text }, ...attachments.images] : text;
    const id = await sendMessage(content, text);
    // Kept when the message was not sent (another tab changed the conversation, storage refused it).
    if (!id) return;
    attachments.clear();
    onSent(id);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && streaming) {
      event.preventDefault();
      stopReply();
    }
  }

  return (
    <form
      aria-label="Message composer"
      onSubmit={(event) => { event.preventDefault(); void submit(); }}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => { event.preventDefault(); void attachments.addFiles([...event.dataTransfer.files]); }}
      className="relative rounded-2xl border border-slate-300 bg-white shadow-sm focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900"
    >
      <AttachmentStrip images={attachments.images} onRemove={attachments.remove} />
      <label htmlFor="composer-input" className="sr-only">Message</label>
      <textarea
        id="composer-input"
        rows={1}
        value={text}
        onChange={(event) => updateDraft(draftKey, event.target.value)}
        onBlur={() => flushDraft(draftKey)}
        onKeyDown={handleKeyDown}
        onPaste={(event) => {
          const files = [...event.clipboardData.files];
          if (files.length > 0) { event.preventDefault(); void attachments.addFiles(files); }
        }}
        placeholder={`Message ${model?.name ?? conversation.model}…`}
        aria-describedby="composer-keys"
        className="field-sizing-content block max-h-48 min-h-11 w-full resize-none bg-transparent px-3 py-2.5 text-base text-slate-900 placeholder:text-slate-500 focus:outline-none sm:text-sm dark:text-slate-100 dark:placeholder:text-slate-400"
      />
      <p id="composer-keys" className="sr-only">Enter sends, Shift+Enter adds a new line, Escape stops a reply.</p>
      {attachments.refusal ? <p role="alert" className="px-3 pb-1 text-xs text-red-700 dark:text-red-300">{attachments.refusal}</p> : null}
      <div className="flex flex-wrap items-center gap-1 px-1.5 pb-1.5">
        <input ref={fileInput} type="file" accept={ACCEPTED_IMAGE_TYPES.join(',')} multiple className="sr-only" tabIndex={-1} aria-hidden="true"
          onChange={(event) => { void attachments.addFiles([...(event.target.files ?? [])]); event.target.value = ''; }} />
        <Button size="sm" variant="ghost" className="px-1.5" onClick={() => fileInput.current?.click()} aria-label="Attach image" title={model?.features?.vision ? 'Attach an image' : 'This model cannot read images'}>
          <PaperclipIcon />
        </Button>
        <ModelPicker models={models} value={{ provider: conversation.provider, model: conversation.model }} disabled={streaming}
          onChange={(selection) => void updateConversationSettings(selection)} />
        <EffortControl conversation={conversation} disabled={streaming} />
        <div className="ml-auto flex min-w-0 items-center gap-2">
          {!online ? (
            <p id="composer-offline" className="text-xs text-amber-800 dark:text-amber-200">Offline: sending needs the network.</p>
          ) : streamingElsewhere ? (
            <p id="composer-elsewhere" className="text-xs text-slate-600 dark:text-slate-300">A reply is being written in another tab.</p>
          ) : <InputCostEstimate conversation={conversation} draft={text} images={attachments.images} />}
          {streaming ? (
            <Button size="sm" variant="danger" onClick={stopReply} title="Stop (Esc)">Stop</Button>
          ) : (
            <Button size="sm" type="submit" disabled={empty || !online || streamingElsewhere}
              aria-describedby={!online ? 'composer-offline' : streamingElsewhere ? 'composer-elsewhere' : undefined}>Send</Button>
          )}
        </div>
      </div>
    </form>
  );
}
