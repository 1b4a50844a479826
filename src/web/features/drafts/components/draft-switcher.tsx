import { type SyntheticEvent, useId, useState } from 'react';
import { Dialog } from '@web/components/ui/dialog.tsx';
import { Icon } from '@web/components/ui/icon.tsx';
import { useAnnounce } from '@web/components/ui/live-region.tsx';
import type { DraftsApi } from '../hooks/use-drafts.ts';
import { DraftStatus } from './draft-status.tsx';
import { DRAFT_NAME_MAX_LENGTH, uniqueDraftName } from '../model/drafts-store.ts';

type OpenDialog = 'new' | 'rename' | 'delete' | undefined;

/** Pick, create, rename and delete named drafts; shows whether the latest edits are saved. */
export function DraftSwitcher({ drafts }: { drafts: DraftsApi }) {
  const id = useId();
  const announce = useAnnounce();
  const [open, setOpen] = useState<OpenDialog>();
  const close = () => {
    setOpen(undefined);
  };
  const { active } = drafts;
  return (
    <div className="drafts">
      <label className="drafts__label" htmlFor={`${id}-select`}>
        Draft
      </label>
      <select
        id={`${id}-select`}
        className="input select drafts__select"
        value={active.id}
        onChange={(event) => {
          drafts.select(event.target.value);
        }}
      >
        {drafts.drafts.map((draft) => (
          <option key={draft.id} value={draft.id}>
            {draft.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => {
          setOpen('new');
        }}
      >
        <Icon name="plus" />
        New draft
      </button>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => {
          setOpen('rename');
        }}
      >
        <Icon name="edit" />
        Rename draft
      </button>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => {
          setOpen('delete');
        }}
      >
        <Icon name="remove" />
        Delete draft
      </button>
      <DraftStatus drafts={drafts} />

      <Dialog
        open={open === 'new'}
        onClose={close}
        title="New draft"
        description="Starts an empty spec; your other drafts stay as they are."
      >
        <DraftNameForm
          initialName={uniqueDraftName('Untitled spec', drafts.drafts)}
          submitLabel="Create draft"
          onCancel={close}
          onSubmit={(name) => {
            const draft = drafts.create(name);
            announce(`Created draft ${draft.name}.`);
            close();
          }}
        />
      </Dialog>
      <Dialog open={open === 'rename'} onClose={close} title="Rename draft">
        <DraftNameForm
          initialName={active.name}
          submitLabel="Rename"
          onCancel={close}
          onSubmit={(name) => {
            drafts.rename(active.id, name);
            announce(`Renamed the draft to ${name}.`);
            close();
          }}
        />
      </Dialog>
      <Dialog
        open={open === 'delete'}
        onClose={close}
        title={`Delete draft “${active.name}”?`}
        description="Its spec is removed from this browser. This cannot be undone; export it first to keep a copy."
      >
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              const name = active.name;
              drafts.remove(active.id);
              announce(`Deleted draft ${name}.`);
              close();
            }}
          >
            Delete
          </button>
        </div>
      </Dialog>
    </div>
  );
}

function DraftNameForm({
  initialName,
  submitLabel,
  onCancel,
  onSubmit,
}: {
  initialName: string;
  submitLabel: string;
  onCancel: () => void;
  onSubmit: (name: string) => void;
}) {
  const id = useId();
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | undefined>();
  const handleSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setError('Type a name for the draft.');
      return;
    }
    if (trimmed.length > DRAFT_NAME_MAX_LENGTH) {
      setError(`Keep the name to ${DRAFT_NAME_MAX_LENGTH} characters or fewer.`);
      return;
    }
    onSubmit(trimmed);
  };
  return (
    <form className="dialog__form" onSubmit={handleSubmit} noValidate>
      <label className="field-label" htmlFor={`${id}-name`}>
        Draft name
      </label>
      <input
        id={`${id}-name`}
        className="input"
        value={name}
        autoComplete="off"
        // The dialog focuses this first field on open; select it so typing replaces the suggestion.
        onFocus={(event) => {
          event.target.select();
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          setName(event.target.value);
          setError(undefined);
        }}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
