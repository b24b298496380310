// What every conversation store call starts with: the vault's key, asked for at the moment of use
// (so the idle timeout applies, security.md R12), and checked identifiers.
import { BYOKError } from '../types';
import { requireSession } from '../vault/vault-session';
import type { RecordKey } from './conversation-records';

export function requireRecordKey(): RecordKey {
  const { header, dek, retiredDek } = requireSession();
  return { dek, vaultId: header.vaultId, ...(retiredDek ? { retiredDek } : {}) };
}

export function assertIdentifier(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string' || value === '') throw new BYOKError('INVALID_REQUEST', `${name} must be a non-empty string.`);
}
