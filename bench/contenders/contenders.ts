// B2's contenders, fed exactly what the naive baseline is fed: the same mock's OpenAI-format SSE,
// read on the main thread, every network chunk's deltas appended to the reply as React state
// (React 19 batches updates that arrive while it renders). `react-markdown` (+ remark-gfm) renders
// the whole text on every update, as most chat apps do; `streamdown` (Vercel's streaming renderer)
// splits it into blocks and memoises finished ones. Both run in this one production React build.
import { createElement, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Streamdown } from 'streamdown';
import { readOpenAiDeltas } from '../page/openai-sse-feed';

type Kind = 'react-markdown' | 'streamdown';
interface Reply {
  kind: Kind;
  run: number;
  text: string;
  streaming: boolean;
}

let setReply: (update: (reply: Reply | null) => Reply | null) => void = () => undefined;

function ReplyView({ reply }: { reply: Reply }) {
  const body = reply.kind === 'streamdown'
    ? createElement(Streamdown, { isAnimating: reply.streaming, mode: 'streaming' }, reply.text)
    : createElement(ReactMarkdown, { remarkPlugins: [remarkGfm] }, reply.text);
  return createElement('div', { className: 'markdown-body', key: reply.run }, body);
}

function App() {
  const [reply, setState] = useState<Reply | null>(null);
  useEffect(() => {
    setReply = setState;
  }, []);
  return reply === null ? null : createElement(ReplyView, { reply, key: reply.run });
}

let runs = 0;

async function stream(kind: Kind, url: string, apiKey: string, prompt: string): Promise<void> {
  runs += 1;
  const run = runs;
  setReply(() => ({ kind, run, text: '', streaming: true }));
  await readOpenAiDeltas(url, apiKey, prompt, (added) => {
    setReply((reply) => (reply && reply.run === run ? { ...reply, text: reply.text + added } : reply));
  });
  setReply((reply) => (reply && reply.run === run ? { ...reply, streaming: false } : reply));
}

function clear(): void {
  setReply(() => null);
}

createRoot(document.getElementById('main') as HTMLElement).render(createElement(App));
(window as Window & { __contender?: { stream: typeof stream; clear: typeof clear } }).__contender = { stream, clear };
