// Enter sends, Shift+Enter is a new line, Esc stops the reply. Images come by paste, drop or the
// file picker, and only for models with vision; the live input-cost estimate sits under the box.
import { useRef, useState, type KeyboardEvent } from 'react';
import type { ConversationMeta } from '../../byok/conversations/conversation-types';
import { findModel } from '../../byok/provider-config';
import type { MessageContent } from '../../byok/types';
import { Button } from '../../components/ui/button';
import { AttachmentStrip } from './attachment-strip';
import { draftKeyFor, setDraft, useChatStore } from './chat-store';
import { editLastUserMessage, sendMessage, stopReply } from './chat-turn-actions';
import { InputCostEstimate } from './input-cost-estimate';
import { ACCEPTED_IMAGE_TYPES } from './read-image-attachment';
import { useAttachments } from './use-attachments';

export interface ComposerProps {
  conversation: ConversationMeta;
  /** Text of the last user message being edited, or null when composing a new one. */
  editing: { text: string } | null;
  onEditDone(): void;
  onSent(conversationId: string): void;
}

export function Composer({ conversation, editing, onEditDone, onSent }: ComposerProps) {
  const draftKey = useChatStore(draftKeyFor);
  const draft = useChatStore((state) => state.drafts[draftKey] ?? '');
  const streaming = useChatStore((state) => state.streaming !== null);
  const [editText, setEditText] = useState(editing?.text ?? '');
  const model = findModel(conversation.provider, conversation.model);
  const attachments = useAttachments(model?.features.vision ? model.name : null);
  const fileInput = useRef<HTMLInputElement>(null);
  const text = editing ? editText : draft;
  const setText = (value: string) => (editing ? setEditText(value) : setDraft(draftKey, value));

  async function submit() {
    if (streaming || (text.trim().length === 0 && attachments.images.length === 0)) return;
    const content: MessageContent = attachments.images.length > 0 ? [{ type: 'text', text }, ...attachments.images] : text;
    attachments.clear();
    if (editing) {
      onEditDone();
      await editLastUserMessage(content);
      return;
    }
    const id = await sendMessage(content, text);
    if (id) onSent(id);
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
      className="rounded-2xl border border-slate-300 bg-white shadow-sm focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900"
    >
      {editing ? <p className="px-3 pt-2 text-xs font-medium text-brand-700 dark:text-brand-400">Editing your last message: sending replaces it and its reply.</p> : null}
      <AttachmentStrip images={attachments.images} onRemove={attachments.remove} />
      <label htmlFor="composer-input" className="sr-only">Message</label>
      <textarea
        id="composer-input"
        rows={2}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={handleKeyDown}
        onPaste={(event) => {
          const files = [...event.clipboardData.files];
          if (files.length > 0) { event.preventDefault(); void attachments.addFiles(files); }
        }}
        placeholder={`Message ${model?.name ?? conversation.model}…  (Enter to send, Shift+Enter for a new line)`}
        className="block max-h-60 min-h-[3.5rem] w-full resize-y bg-transparent px-3 py-2.5 text-sm text-slate-900 placeholder:text-slate-500 focus:outline-none dark:text-slate-100 dark:placeholder:text-slate-400"
      />
      {attachments.refusal ? <p role="alert" className="px-3 text-xs text-red-700 dark:text-red-300">{attachments.refusal}</p> : null}
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 px-3 py-2 dark:border-slate-800">
        <input ref={fileInput} type="file" accept={ACCEPTED_IMAGE_TYPES.join(',')} multiple className="sr-only" tabIndex={-1} aria-hidden="true"
          onChange={(event) => { void attachments.addFiles([...(event.target.files ?? [])]); event.target.value = ''; }} />
        <Button size="sm" variant="ghost" onClick={() => fileInput.current?.click()} aria-label="Attach image" title={model?.features.vision ? 'Attach an image' : 'This model cannot read images'}>
          <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden="true"><path d="m20 11-8.5 8.5a5 5 0 0 1-7-7L13 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L14 7" /></svg>
          <span className="hidden sm:inline">Image</span>
        </Button>
        <InputCostEstimate conversation={conversation} draft={text} images={attachments.images} />
        <div className="ml-auto flex gap-2">
          {editing ? <Button size="sm" variant="ghost" onClick={onEditDone}>Cancel</Button> : null}
          {streaming ? (
            <Button size="sm" variant="danger" onClick={stopReply} title="Stop (Esc)">Stop</Button>
          ) : (
            <Button size="sm" type="submit" disabled={text.trim().length === 0 && attachments.images.length === 0}>{editing ? 'Resend' : 'Send'}</Button>
          )}
        </div>
      </div>
    </form>
  );
}
