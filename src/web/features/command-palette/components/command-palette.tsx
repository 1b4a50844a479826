import { type KeyboardEvent, useId, useState } from 'react';
import { Dialog } from '@web/components/ui/dialog.tsx';
import { type Command, filterCommands, keyLabel } from '../model/command.ts';

export type CommandPaletteProps = {
  open: boolean;
  commands: readonly Command[];
  onClose: () => void;
};

/** Every action of the app by name: type to filter, arrows to choose, Enter to run. */
export function CommandPalette({ open, commands, onClose }: CommandPaletteProps) {
  return (
    <Dialog open={open} onClose={onClose} title="Command palette" size="large">
      <PaletteBody commands={commands} onClose={onClose} />
    </Dialog>
  );
}

function PaletteBody({ commands, onClose }: { commands: readonly Command[]; onClose: () => void }) {
  const baseId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const found = filterCommands(commands, query);
  const current = Math.min(active, Math.max(0, found.length - 1));
  const optionId = (index: number) => `${baseId}-option-${String(index)}`;

  const run = (command: Command | undefined) => {
    if (!command) return;
    onClose();
    // After the dialog has closed and given focus back, so the command may move it.
    window.setTimeout(command.run, 0);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive((current + 1) % Math.max(1, found.length));
    else if (event.key === 'ArrowUp')
      setActive((current - 1 + found.length) % Math.max(1, found.length));
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(Math.max(0, found.length - 1));
    else if (event.key === 'Enter') run(found[current]);
    else return;
    event.preventDefault();
  };

  return (
    <div className="palette">
      <input
        className="input palette__input"
        role="combobox"
        aria-label="Search commands"
        aria-expanded="true"
        aria-controls={`${baseId}-list`}
        aria-autocomplete="list"
        aria-activedescendant={found.length > 0 ? optionId(current) : undefined}
        placeholder="Type a command…"
        // The palette exists to be typed into at once.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={handleKeyDown}
      />
      <div className="palette__list" role="listbox" id={`${baseId}-list`} aria-label="Commands">
        {found.map((command, index) => (
          // Options are chosen from the combobox by keyboard; a click runs one too.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <div
            key={command.id}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === current}
            className="palette__option"
            onClick={() => {
              run(command);
            }}
            onMouseMove={() => {
              if (index !== current) setActive(index);
            }}
          >
            <span className="palette__label">{command.label}</span>
            <span className="palette__group">{command.group}</span>
            {command.keybindings?.map((binding) => (
              <kbd key={binding} className="palette__kbd">
                {keyLabel(binding)}
              </kbd>
            ))}
          </div>
        ))}
      </div>
      {found.length === 0 && <p className="palette__empty">No command matches “{query}”.</p>}
    </div>
  );
}
