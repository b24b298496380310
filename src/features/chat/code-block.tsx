// A fenced code block: plain text while it streams, highlighted (lazily) once finished, and a
// copy button. The code is React text until highlight.js has produced sanitised spans.
import { useEffect, useState } from 'react';
import { highlightCode } from './highlight-code';

export interface CodeBlockProps {
  code: string;
  language: string;
  finished: boolean;
}

export function CodeBlock({ code, language, finished }: CodeBlockProps) {
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!finished) return;
    let current = true;
    void highlightCode(code, language.toLowerCase())
      .then((html) => current && setHighlighted(html))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [code, language, finished]);

  async function copyCode() {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="code-block my-3 overflow-hidden rounded-lg border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex items-center justify-between border-b border-slate-200 px-3 py-1 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
        <span>{language || 'code'}</span>
        <button type="button" onClick={copyCode} className="rounded px-2 py-0.5 font-medium hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:bg-slate-800" aria-label={copied ? 'Copied' : `Copy ${language || 'code'}`}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <pre className="overflow-x-auto p-3 text-[13px] leading-relaxed" tabIndex={0}>
        {highlighted === null ? <code>{code}</code> : <code className="hljs" dangerouslySetInnerHTML={{ __html: highlighted }} />}
      </pre>
    </div>
  );
}
