import { Dialog } from '@web/components/ui/dialog.tsx';
import { type Command, keyLabel } from '../model/command.ts';

/** The keyboard shortcuts, from the same command data the palette runs. */
export function ShortcutList({
  open,
  commands,
  onClose,
}: {
  open: boolean;
  commands: readonly Command[];
  onClose: () => void;
}) {
  const bound = commands.filter((command) => (command.keybindings?.length ?? 0) > 0);
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <table className="shortcuts">
        <caption className="visually-hidden">Keyboard shortcuts</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          {bound.map((command) => (
            <tr key={command.id}>
              <th scope="row">{command.label}</th>
              <td>
                {command.keybindings?.map((binding) => (
                  <kbd key={binding} className="palette__kbd">
                    {keyLabel(binding)}
                  </kbd>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
