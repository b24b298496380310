// A reply's Markdown. React renders only the empty container; the incremental renderer owns its
// children, so React never reconciles finished blocks again and an update touches only the open
// block (incremental-markdown.ts, performance.md B2–B3). It runs in a layout effect: the text of
// an update is on the page in the same commit (and frame) as the state that carried it.
import { useLayoutEffect, useRef } from 'react';
import { createIncrementalMarkdown, type IncrementalMarkdown } from './incremental-markdown';

export interface MarkdownViewProps {
  text: string;
  streaming: boolean;
}

export function MarkdownView({ text, streaming }: MarkdownViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<IncrementalMarkdown | null>(null);

  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const renderer = createIncrementalMarkdown(container);
    rendererRef.current = renderer;
    return () => {
      renderer.dispose();
      rendererRef.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    rendererRef.current?.update(text, streaming);
  }, [text, streaming]);

  return <div ref={containerRef} className="markdown-body" />;
}
