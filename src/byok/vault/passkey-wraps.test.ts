// T35–T39 at the core: a passkey's PRF output wraps the same data key; wrong secrets and tampered
// wraps fail closed; at most 5; passkeys go freely, the passphrase never does.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addKey, createVault, enrolPasskey, getDecryptedKey, isVaultUnlocked, listPasskeyUnlockOptions, listPasskeys, lockVault, removePasskey,
  resetForTests, rotateDataKey, unlockVault, unlockWithPasskey,
} from '../api-key-manager';
import { encodeBase64 } from '../crypto';
import { expectCode } from '../conversations/conversation-test-fixtures';
import type { VaultHeader } from './vault-header';
import { HEADER_ENTRY, readVaultEntry, writeVaultAtomically } from './vault-storage';
import * as apiKeyManager from '../api-key-manager';

const PASSPHRASE = 'correct horse battery staple';
const KEY = 'sk-proj-CANARY-passkey0123456789abcdef';
const random32 = () => crypto.getRandomValues(new Uint8Array(32));
const passkey = (credentialId: string, prfOutput = random32()) => ({ credentialId, prfSalt: encodeBase64(random32()), prfOutput, label: `Key ${credentialId}` });

beforeEach(async () => {
  await resetForTests();
  await createVault(PASSPHRASE, { iterations: 600_000 });
  await addKey('openai', KEY);
});
afterAll(async () => {
  await resetForTests();
});

describe('passkey unlock', () => {
  it('T35: unlocks with the PRF output alone and opens the same data key', async () => {
    const enrolled = passkey('cred-1');
    await enrolPasskey(PASSPHRASE, enrolled);
    expect(listPasskeys()).toMatchObject([{ credentialId: 'cred-1', label: 'Key cred-1' }]);
    lockVault();
    expect(await listPasskeyUnlockOptions()).toEqual([{ credentialId: 'cred-1', prfSalt: enrolled.prfSalt }]);
    await unlockWithPasskey('cred-1', enrolled.prfOutput);
    expect(isVaultUnlocked()).toBe(true);
    expect(await getDecryptedKey('openai')).toBe(KEY);
  });

  it('enrolment needs the passphrase again', async () => {
    await expectCode(enrolPasskey('not the passphrase at all', passkey('cred-1')), 'WRONG_PASSPHRASE');
    expect(listPasskeys()).toEqual([]);
  });

  it('T38: another PRF secret, an unknown credential or a tampered wrap fail closed', async () => {
    const enrolled = passkey('cred-1');
    await enrolPasskey(PASSPHRASE, enrolled);
    lockVault();
    await expectCode(unlockWithPasskey('cred-1', random32()), 'WRONG_PASSPHRASE');
    await expectCode(unlockWithPasskey('cred-2', enrolled.prfOutput), 'KEY_NOT_FOUND');
    const header = (await readVaultEntry<VaultHeader>(HEADER_ENTRY)) as VaultHeader;
    const [wrap] = header.passkeys ?? [];
    await writeVaultAtomically({ put: [[HEADER_ENTRY, { ...header, passkeys: [{ ...wrap, hkdfSalt: encodeBase64(random32()) }] }]] });
    await expectCode(unlockWithPasskey('cred-1', enrolled.prfOutput), 'WRONG_PASSPHRASE');
    await writeVaultAtomically({ put: [[HEADER_ENTRY, { ...header, passkeys: [{ ...wrap, label: 'renamed' }] }]] });
    // The wrap still opens, but the header seal covers the passkey list: edited means corrupt.
    await expectCode(unlockWithPasskey('cred-1', enrolled.prfOutput), 'DECRYPTION_FAILED');
    expect(isVaultUnlocked()).toBe(false);
  });

  it('allows at most 5 passkeys; removing them is free and the passphrase always stays', async () => {
    for (let index = 1; index <= 5; index += 1) await enrolPasskey(PASSPHRASE, passkey(`cred-${index}`));
    await expectCode(enrolPasskey(PASSPHRASE, passkey('cred-6')), 'INVALID_REQUEST');
    for (let index = 1; index <= 5; index += 1) await removePasskey(`cred-${index}`);
    expect(listPasskeys()).toEqual([]);
    // T39: there is nothing that removes the passphrase wrap.
    expect(Object.keys(apiKeyManager).filter((name) => /remove.*passphrase|passphrase.*remove|disablePassphrase/i.test(name))).toEqual([]);
    lockVault();
    await unlockVault(PASSPHRASE);
    expect(await getDecryptedKey('openai')).toBe(KEY);
  });

  it('a data-key rotation drops passkeys, which wrap the old key', async () => {
    await enrolPasskey(PASSPHRASE, passkey('cred-1'));
    await rotateDataKey(PASSPHRASE);
    expect(listPasskeys()).toEqual([]);
  });
});
