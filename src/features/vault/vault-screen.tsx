import { EmptyState } from '../../components/ui/empty-state';
import { LockIcon } from '../../components/ui/icons';

export function VaultScreen() {
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Key vault</h1>
      <EmptyState title="Your keys will live here, encrypted" icon={<LockIcon />}>
        <p>
          Create a vault with a passphrase, then add an API key for OpenAI, Anthropic, Google Gemini, xAI or Mistral.
          Keys are encrypted with AES-256-GCM in this browser and never leave it except to their own provider.
        </p>
        <p>Creating the vault is not available in this version yet.</p>
      </EmptyState>
    </div>
  );
}
