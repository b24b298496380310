// Renders a reply's Markdown block by block. Finished blocks are memoised on their text and never
// re-render; while a reply streams only the open tail is lexed and rendered (performance.md B2–B3).
import { memo, useMemo, useState } from 'react';
import { CodeBlock } from './code-block';
import { createMarkdownBlockSplitter } from './markdown-blocks';
import { renderBlockTokens, renderMarkdownBlock, type RenderedBlock } from './render-markdown';

const RenderedBlocks = memo(function RenderedBlocks({ blocks, finished }: { blocks: RenderedBlock[]; finished: boolean }) {
  return (
    <>
      {blocks.map((block, index) =>
        block.kind === 'code' ? (
          <CodeBlock key={index} code={block.code} language={block.language} finished={finished} />
        ) : (
          // Sanitised by render-markdown (marked → DOMPurify, security.md R27).
          // Finished blocks skip layout and paint while off screen (content-visibility), so a long
          // reply costs the same per frame as a short one.
          <div key={index} className={finished ? 'markdown-block markdown-block-finished' : 'markdown-block'} dangerouslySetInnerHTML={{ __html: block.html }} />
        ),
      )}
    </>
  );
});

const FinishedBlock = memo(function FinishedBlock({ raw }: { raw: string }) {
  const blocks = useMemo(() => renderMarkdownBlock(raw), [raw]);
  return <RenderedBlocks blocks={blocks} finished />;
});

export interface MarkdownViewProps {
  text: string;
  streaming: boolean;
}

export function MarkdownView({ text, streaming }: MarkdownViewProps) {
  // One splitter per message for its whole life: it remembers which blocks are frozen.
  const [splitter] = useState(createMarkdownBlockSplitter);
  const split = useMemo(() => splitter.update(text), [splitter, text]);
  const openBlocks = useMemo(() => (streaming ? renderBlockTokens(split.openTokens) : []), [split, streaming]);
  const tailKey = String(text.length - split.openTail.length);

  return (
    <div className="markdown-body">
      {split.finished.map((block) => (
        <FinishedBlock key={block.key} raw={block.raw} />
      ))}
      {streaming ? (
        <RenderedBlocks blocks={openBlocks} finished={false} />
      ) : split.openTail.trim().length > 0 ? (
        <FinishedBlock key={tailKey} raw={split.openTail} />
      ) : null}
    </div>
  );
}
