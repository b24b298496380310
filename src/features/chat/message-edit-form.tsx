// Editing a sent message in place: saving sends the new text and keeps the old branch as a version.
import { useState } from 'react';
import type { StoredMessage } from '../../byok/conversations/conversation-types';
import type { MessageContent } from '../../byok/types';
import { Button } from '../../components/ui/button';
import { editUserMessage } from './chat-turn-actions';

function textOf(content: MessageContent): string {
  return typeof content === 'string' ? content : content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/** The new text with the message's images kept. */
function replaceText(content: MessageContent, text: string): MessageContent {
  if (typeof content === 'string') return text;
  const images = content.filter((part) => part.type === 'image');
  return images.length > 0 ? [{ type: 'text', text }, ...images] : text;
}

export function MessageEditForm({ message, onDone }: { message: StoredMessage; onDone(): void }) {
  const [text, setText] = useState(() => textOf(message.content));
  const inputId = `edit-${message.id}`;
  return (
    <form aria-label="Edit message" className="w-full max-w-[85%] space-y-2 rounded-2xl bg-white p-2 ring-2 ring-brand-500 dark:bg-slate-900"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim().length === 0) return;
        onDone();
        void editUserMessage(message.id, replaceText(message.content, text));
      }}>
      <label htmlFor={inputId} className="sr-only">Edited message</label>
      <textarea id={inputId} value={text} autoFocus rows={3} onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => { if (event.key === 'Escape') { event.preventDefault(); onDone(); } }}
        className="field-sizing-content block max-h-72 min-h-11 w-full resize-none rounded-lg bg-transparent px-2 py-1.5 text-base focus:outline-none sm:text-sm" />
      <p className="px-2 text-xs text-slate-600 dark:text-slate-300">Sending keeps the earlier version: switch back with ‹ ›.</p>
      <div className="flex justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={onDone}>Cancel</Button>
        <Button size="sm" type="submit" disabled={text.trim().length === 0}>Send edit</Button>
      </div>
    </form>
  );
}
