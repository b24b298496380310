// UI preferences: plain, non-secret values in an IndexedDB store of their own
// (docs/architecture.md, "State"). The one place the app reads and writes them.
import { createStore, del, get, set } from 'idb-keyval';
import type { BYOKProvider } from '../byok/types';

export interface ModelChoice {
  provider: BYOKProvider;
  modelId: string;
}

export interface Preferences {
  /** The model new chats start with. */
  defaultModel: ModelChoice | null;
  /** Minutes of inactivity before the vault locks itself. */
  autoLockMinutes: number;
}

export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240] as const;

export const DEFAULT_PREFERENCES: Preferences = { defaultModel: null, autoLockMinutes: 15 };

const preferencesStore = createStore('vivim-byok-preferences', 'preferences');

export async function readPreference<K extends keyof Preferences>(name: K): Promise<Preferences[K]> {
  try {
    const stored = await get<Preferences[K]>(name, preferencesStore);
    return stored === undefined ? DEFAULT_PREFERENCES[name] : stored;
  } catch {
    // A preference is never worth failing a screen for: fall back to the default.
    return DEFAULT_PREFERENCES[name];
  }
}

export async function writePreference<K extends keyof Preferences>(name: K, value: Preferences[K]): Promise<void> {
  await set(name, value, preferencesStore);
}

export async function resetPreference(name: keyof Preferences): Promise<void> {
  await del(name, preferencesStore);
}
