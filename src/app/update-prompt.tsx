// "Update available — reload": a new service worker waits until the user says so, so nothing
// reloads under their feet mid-reply (product.md, security.md R29).
import { useRegisterSW } from 'virtual:pwa-register/react';
import { Banner } from '../components/ui/banner';
import { Button } from '../components/ui/button';

export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();

  if (!needRefresh) return null;
  return (
    <div className="fixed inset-x-3 bottom-3 z-50 mx-auto max-w-lg sm:inset-x-auto sm:right-4">
      <Banner
        tone="info"
        action={
          <div className="flex gap-2">
            <Button size="sm" variant="ghost" onClick={() => setNeedRefresh(false)}>
              Later
            </Button>
            <Button size="sm" onClick={() => void updateServiceWorker(true)}>
              Reload
            </Button>
          </div>
        }
      >
        Update available — reload to use the new version.
      </Banner>
    </div>
  );
}
