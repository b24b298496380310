import { useCallback, useEffect, useState } from 'react';
import { readPreference, writePreference, type ModelChoice } from '../../lib/preferences';

export interface DefaultModelState {
  defaultModel: ModelChoice | null;
  /** False until the stored preference has been read, so no "no default" flashes on load. */
  loaded: boolean;
  chooseDefaultModel(choice: ModelChoice): Promise<void>;
}

/** The model new chats start with; the chat feature reads the same preference. */
export function useDefaultModel(): DefaultModelState {
  const [defaultModel, setDefaultModel] = useState<ModelChoice | null>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let current = true;
    void readPreference('defaultModel').then((stored) => {
      if (!current) return;
      setDefaultModel(stored);
      setLoaded(true);
    });
    return () => {
      current = false;
    };
  }, []);

  const chooseDefaultModel = useCallback(async (choice: ModelChoice) => {
    await writePreference('defaultModel', choice);
    setDefaultModel(choice);
  }, []);

  return { defaultModel, loaded, chooseDefaultModel };
}
