import type { Command } from '../features/command-palette/model/command.ts';
import { applyThemePreference } from '../lib/theme.ts';
import type { PaneId } from './workspace-panes.tsx';

export type AppCommandHost = {
  showPane: (pane: PaneId) => void;
  openPalette: () => void;
  openShortcuts: () => void;
  showGuide: () => void;
  announce: (message: string) => void;
};

/**
 * Presses a button of a pane, as the user would: the same handler, the same enabled state
 * (a disabled button says why it is not available instead). The buttons live in features
 * that app/ composes, so the palette reaches them by their visible names (a menu's items too:
 * they stay in the page, hidden, while their menu is closed).
 */
function press(host: AppCommandHost, pane: PaneId, name: string): void {
  host.showPane(pane);
  const root = document.querySelector(`[data-pane="${pane}"]`);
  const button = Array.from(root?.querySelectorAll('button') ?? []).find(
    (candidate) => candidate.textContent.trim() === name,
  );
  if (!button) {
    host.announce(`“${name}” is not on the page right now.`);
    return;
  }
  // A menu's item (under "More actions") is disabled by aria-disabled and hidden while the
  // menu is closed: it says so, and focus stays where it is.
  if (button.getAttribute('aria-disabled') === 'true') {
    host.announce(`“${name}” is not available right now.`);
    return;
  }
  if (button.disabled) {
    host.announce(`“${name}” is not available right now.`);
    button.focus();
    return;
  }
  button.click();
}

const PANE_NAMES: Record<PaneId, string> = { spec: 'spec', payload: 'payload', run: 'run' };

/** Every action of the app, as data; the palette lists them and the shortcut list too. */
export function appCommands(host: AppCommandHost): Command[] {
  const button = (
    id: string,
    label: string,
    group: string,
    pane: PaneId,
    name: string,
    keybindings?: readonly string[],
  ): Command => ({
    id,
    label,
    group,
    ...(keybindings ? { keybindings } : {}),
    run: () => {
      press(host, pane, name);
    },
  });
  const paneCommand = (pane: PaneId, label: string): Command => ({
    id: `pane.${pane}`,
    label,
    group: 'Workspace',
    run: () => {
      host.showPane(pane);
      const target = document.querySelector<HTMLElement>(`[data-pane="${pane}"] h2`);
      target?.setAttribute('tabindex', '-1');
      target?.focus();
      host.announce(`Moved to the ${PANE_NAMES[pane]} pane.`);
    },
  });
  const theme = (value: 'light' | 'dark' | 'system', label: string): Command => ({
    id: `theme.${value}`,
    label,
    group: 'Theme',
    run: () => {
      applyThemePreference(value);
      host.announce(`${label}.`);
    },
  });
  return [
    button('run.fire', 'Run test', 'Run', 'run', 'Run test', ['Ctrl+Enter']),
    button('workflow.save', 'Save workflow…', 'Run', 'run', 'Save workflow'),
    button('workflow.open', 'Open workflow…', 'Run', 'run', 'Open workflow'),
    button('spec.add-column', 'Add column', 'Spec', 'spec', 'Add column'),
    button('spec.example', 'Start from an example', 'Spec', 'spec', 'Start from an example'),
    button('spec.import', 'Import spec…', 'Spec', 'spec', 'Import spec'),
    button('spec.export', 'Export spec…', 'Spec', 'spec', 'Export spec'),
    button('draft.new', 'New draft', 'Spec', 'spec', 'New draft'),
    button('payload.import', 'Import payload…', 'Payload', 'payload', 'Import payload'),
    button('payload.export', 'Export payload as JSON', 'Payload', 'payload', 'Export JSON'),
    button('payload.infer', 'Infer columns…', 'Payload', 'payload', 'Infer columns'),
    button(
      'payload.save-input',
      'Save payload as webhook_input',
      'Payload',
      'payload',
      'Save as webhook_input',
    ),
    paneCommand('spec', 'Go to the spec pane'),
    paneCommand('payload', 'Go to the payload pane'),
    paneCommand('run', 'Go to the run pane'),
    theme('light', 'Light theme'),
    theme('dark', 'Dark theme'),
    theme('system', 'Theme follows the system'),
    {
      id: 'help.palette',
      label: 'Command palette',
      group: 'Help',
      keybindings: ['Ctrl+K'],
      run: host.openPalette,
    },
    {
      id: 'help.shortcuts',
      label: 'Keyboard shortcuts',
      group: 'Help',
      keybindings: ['Ctrl+/'],
      run: host.openShortcuts,
    },
    {
      id: 'help.guide',
      label: 'Show the getting-started guide',
      group: 'Help',
      run: host.showGuide,
    },
  ];
}
