import { ModelsScreen } from '../../features/models/models-screen';

export default function ModelsRoute() {
  return <ModelsScreen />;
}
