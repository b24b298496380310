import { useState } from 'react';
import { Button } from '../components/ui/button';
import { useInstallOffer } from './install-prompt';

export function InstallButton() {
  const offer = useInstallOffer();
  const [hintOpen, setHintOpen] = useState(false);

  if (offer.kind === 'prompt') {
    return (
      <Button size="sm" variant="secondary" onClick={() => void offer.install()}>
        Install app
      </Button>
    );
  }
  if (offer.kind === 'ios-hint') {
    return (
      <div className="relative">
        <Button size="sm" variant="secondary" aria-expanded={hintOpen} onClick={() => setHintOpen(!hintOpen)}>
          Install
        </Button>
        {hintOpen ? (
          <p role="note" className="absolute right-0 mt-2 w-60 rounded-lg bg-white p-3 text-xs shadow-lg ring-1 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700">
            In Safari, tap Share, then “Add to Home Screen”.
          </p>
        ) : null}
      </div>
    );
  }
  return null;
}
