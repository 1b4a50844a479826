// First: zod must be jitless before any schema is built (see the module).
import '../lib/api/zod-jitless.ts';
import { AppLayout } from './app-layout.tsx';
import { DesignerWorkspace } from './designer-workspace.tsx';
import { AppProviders } from './providers.tsx';
import { ThemeSelect } from './theme-select.tsx';
import { TargetSwitch } from '../features/target/components/target-switch.tsx';

/** The whole app, loaded on demand by main.tsx once the shell has painted. */
export function App() {
  return (
    <AppProviders>
      <AppLayout
        headerEnd={
          <div className="app-header__end">
            <ThemeSelect />
            <TargetSwitch />
          </div>
        }
      >
        <DesignerWorkspace />
      </AppLayout>
    </AppProviders>
  );
}
