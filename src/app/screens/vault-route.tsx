import { VaultScreen } from '../../features/vault/vault-screen';

export default function VaultRoute() {
  return <VaultScreen />;
}
