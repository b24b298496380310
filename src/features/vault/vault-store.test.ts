import { afterEach, describe, expect, it, vi } from 'vitest';
import * as keyManager from '../../byok/api-key-manager';
import { useVaultStore } from './vault-store';

describe('vault store start-up', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    useVaultStore.setState({ status: 'loading' });
  });

  it('shares one storage read between main.tsx and the screens that ask while it is in flight', async () => {
    const exists = vi.spyOn(keyManager, 'vaultExists').mockResolvedValue(true);
    const { initialise } = useVaultStore.getState();
    await Promise.all([initialise(), initialise(), initialise()]);
    expect(exists).toHaveBeenCalledTimes(1);
    expect(useVaultStore.getState().status).toBe('locked');
  });

  it('reads again once the first read has settled, so a later call sees a newly created vault', async () => {
    const exists = vi.spyOn(keyManager, 'vaultExists').mockResolvedValueOnce(false).mockResolvedValueOnce(true);
    await useVaultStore.getState().initialise();
    expect(useVaultStore.getState().status).toBe('absent');
    await useVaultStore.getState().initialise();
    expect(exists).toHaveBeenCalledTimes(2);
    expect(useVaultStore.getState().status).toBe('locked');
  });
});
