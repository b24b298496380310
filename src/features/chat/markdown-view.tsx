// A reply's Markdown. React renders only the empty container; the incremental renderer owns its
// children, so React never reconciles finished blocks again and an update touches only the open
// block (incremental-markdown.ts, performance.md B2–B3). It runs in a layout effect: the text of
// an update is on the page in the same commit (and frame) as the state that carried it.
import { useLayoutEffect, useRef } from 'react';
import { createIncrementalMarkdown, type IncrementalMarkdown } from './incremental-markdown';
import { claimSplitAhead } from './split-ahead';

export interface MarkdownViewProps {
  text: string;
  streaming: boolean;
  /** The streaming reply's id: its text has been split as it came (split-ahead.ts). */
  splitKey?: string;
}

export function MarkdownView({ text, streaming, splitKey }: MarkdownViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<IncrementalMarkdown | null>(null);

  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const renderer = createIncrementalMarkdown(container, { splitter: splitKey === undefined ? undefined : claimSplitAhead(splitKey) });
    rendererRef.current = renderer;
    return () => {
      renderer.dispose();
      rendererRef.current = null;
    };
    // The renderer lives as long as the element: a new key would be a new reply, and a new element.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useLayoutEffect(() => {
    rendererRef.current?.update(text, streaming);
  }, [text, streaming]);

  return <div ref={containerRef} className="markdown-body" />;
}
