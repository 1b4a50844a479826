import { flushSync } from 'react-dom';
import { useState } from 'react';
import { useAnnounce } from '../components/ui/live-region.tsx';
import { CommandPalette } from '../features/command-palette/components/command-palette.tsx';
import { ShortcutList } from '../features/command-palette/components/shortcut-list.tsx';
import { useGlobalShortcuts } from '../features/command-palette/hooks/use-global-shortcuts.ts';
import { appCommands } from './app-commands.ts';
import { FirstRunGuide, useFirstRunGuide } from './first-run-guide.tsx';
import type { PaneId } from './workspace-panes.tsx';

/** The command palette (Ctrl/Cmd+K), the shortcut list (Ctrl/Cmd+/) and the first-run guide. */
export function WorkspaceCommands({ onShowPane }: { onShowPane: (pane: PaneId) => void }) {
  const announce = useAnnounce();
  const guide = useFirstRunGuide();
  const [open, setOpen] = useState<'palette' | 'shortcuts' | undefined>(undefined);
  const commands = appCommands({
    // Synchronously, so the pane is showing before a command presses a button in it.
    showPane: (pane) => {
      flushSync(() => {
        onShowPane(pane);
      });
    },
    openPalette: () => {
      setOpen('palette');
    },
    openShortcuts: () => {
      setOpen('shortcuts');
    },
    showGuide: guide.show,
    announce,
  });
  useGlobalShortcuts({
    // Always opens (Escape closes): a toggle could read a state the dialog has left.
    palette: () => {
      setOpen('palette');
    },
    shortcuts: () => {
      setOpen('shortcuts');
    },
  });
  const close = () => {
    setOpen(undefined);
  };
  return (
    <>
      {guide.shown && <FirstRunGuide onHide={guide.hide} />}
      <CommandPalette open={open === 'palette'} commands={commands} onClose={close} />
      <ShortcutList open={open === 'shortcuts'} commands={commands} onClose={close} />
    </>
  );
}
