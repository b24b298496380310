// Captures the browser's install offer (beforeinstallprompt) so the header can show an
// "Install app" button; iOS never fires it, so there we show an "Add to Home Screen" hint.
import { useEffect, useState } from 'react';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export type InstallOffer =
  | { kind: 'prompt'; install: () => Promise<void> }
  | { kind: 'ios-hint' }
  | { kind: 'none' };

function isStandalone(): boolean {
  return window.matchMedia('(display-mode: standalone)').matches;
}

function isIosSafari(): boolean {
  return /iphone|ipad|ipod/i.test(navigator.userAgent) && !/crios|fxios/i.test(navigator.userAgent);
}

export function useInstallOffer(): InstallOffer {
  const [deferred, setDeferred] = useState<BeforeInstallPromptEvent | null>(null);

  useEffect(() => {
    const onOffer = (event: Event) => {
      event.preventDefault();
      setDeferred(event as BeforeInstallPromptEvent);
    };
    const onInstalled = () => setDeferred(null);
    window.addEventListener('beforeinstallprompt', onOffer);
    window.addEventListener('appinstalled', onInstalled);
    return () => {
      window.removeEventListener('beforeinstallprompt', onOffer);
      window.removeEventListener('appinstalled', onInstalled);
    };
  }, []);

  if (isStandalone()) return { kind: 'none' };
  if (deferred) {
    return {
      kind: 'prompt',
      install: async () => {
        await deferred.prompt();
        await deferred.userChoice;
        setDeferred(null);
      },
    };
  }
  return isIosSafari() ? { kind: 'ios-hint' } : { kind: 'none' };
}
