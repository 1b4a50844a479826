import { AppLayout } from './app-layout.tsx';
import { DesignerWorkspace } from './designer-workspace.tsx';
import { AppProviders } from './providers.tsx';
import { TargetSwitch } from '../features/target/components/target-switch.tsx';

export function App() {
  return (
    <AppProviders>
      <AppLayout headerEnd={<TargetSwitch />}>
        <DesignerWorkspace />
      </AppLayout>
    </AppProviders>
  );
}
