import { AppLayout } from './app-layout.tsx';
import { DesignerWorkspace } from './designer-workspace.tsx';
import { AppProviders } from './providers.tsx';
import { applyThemePreference, readThemePreference } from '../lib/theme.ts';
import { TargetSwitch } from '../features/target/components/target-switch.tsx';

// Before the first paint, so a chosen theme never flashes the other one.
applyThemePreference(readThemePreference(), false);

export function App() {
  return (
    <AppProviders>
      <AppLayout headerEnd={<TargetSwitch />}>
        <DesignerWorkspace />
      </AppLayout>
    </AppProviders>
  );
}
