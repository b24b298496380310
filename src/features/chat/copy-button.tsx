// Copies text to the clipboard and says so for a moment ("Copied"), for a reply or a code block.
import { useState, type ReactNode } from 'react';
import { Button } from '../../components/ui/button';

export interface CopyButtonProps {
  text: string;
  /** The accessible name before copying, e.g. "Copy reply". */
  label: string;
  children?: ReactNode;
  className?: string;
}

export function CopyButton({ text, label, children, className = '' }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  }
  return (
    <Button size="sm" variant="ghost" className={`px-2 text-xs ${className}`} onClick={() => void copy()} aria-label={copied ? 'Copied' : label} title={label}>
      {copied ? 'Copied' : (children ?? 'Copy')}
    </Button>
  );
}
