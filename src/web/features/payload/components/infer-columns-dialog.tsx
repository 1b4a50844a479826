import { useId, useState } from 'react';
import type { Column } from '../../../../core/spec/webhook-spec.ts';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { type ColumnProposal, columnsToAdd } from '../model/column-proposals.ts';

function Evidence({ proposal }: { proposal: ColumnProposal }) {
  const { evidence } = proposal.inferred;
  return (
    <span className="infer__evidence">
      In {evidence.present.toLocaleString('en-US')} of {evidence.rows.toLocaleString('en-US')} rows
      · seen as {evidence.typesSeen.join(', ') || 'nothing'}
      {evidence.examples.length > 0 && (
        <>
          {' '}
          · e.g. <span className="infer__examples">{evidence.examples.join(', ')}</span>
        </>
      )}
    </span>
  );
}

export type InferColumnsDialogProps = {
  proposals: readonly ColumnProposal[] | undefined;
  onClose: () => void;
  onAdd: (columns: Column[]) => void;
};

/**
 * Proposed columns with their evidence; the user picks which to add. Columns already in
 * the spec are listed as such (with any disagreement) and are never added or changed.
 */
export function InferColumnsDialog({ proposals, onClose, onAdd }: InferColumnsDialogProps) {
  return (
    <Dialog
      open={proposals !== undefined}
      onClose={onClose}
      title="Infer columns from the payload"
      description="Pick the columns to add to the spec. Columns already in the spec stay as they are."
      size="large"
    >
      {proposals && <ProposalForm proposals={proposals} onClose={onClose} onAdd={onAdd} />}
    </Dialog>
  );
}

function ProposalForm({
  proposals,
  onClose,
  onAdd,
}: {
  proposals: readonly ColumnProposal[];
  onClose: () => void;
  onAdd: (columns: Column[]) => void;
}) {
  const id = useId();
  const fresh = proposals.filter((proposal) => proposal.status === 'new');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(fresh.map((proposal) => proposal.inferred.name)),
  );
  const toggle = (name: string, on: boolean) => {
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });
  };
  const count = columnsToAdd(proposals, chosen).length;
  return (
    <form
      className="infer"
      onSubmit={(event) => {
        event.preventDefault();
        onAdd(columnsToAdd(proposals, chosen));
      }}
    >
      {proposals.length === 0 ? (
        <p>The payload has no rows with keys to learn columns from.</p>
      ) : (
        <>
          {fresh.length > 1 && (
            <div className="infer__bulk">
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setChosen(new Set(fresh.map((proposal) => proposal.inferred.name)));
                }}
              >
                Select all
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setChosen(new Set());
                }}
              >
                Select none
              </button>
            </div>
          )}
          <ul className="infer__list" aria-label="Proposed columns">
            {proposals.map((proposal, index) => {
              const { name, type, required } = proposal.inferred;
              const inputId = `${id}-${String(index)}`;
              return (
                <li key={name} className={`infer__item infer__item--${proposal.status}`}>
                  <input
                    id={inputId}
                    type="checkbox"
                    className="checkbox"
                    checked={proposal.status === 'existing' || chosen.has(name)}
                    disabled={proposal.status === 'existing'}
                    onChange={(event) => {
                      toggle(name, event.currentTarget.checked);
                    }}
                  />
                  <label htmlFor={inputId} className="infer__label">
                    <span className="infer__name">{name}</span>
                    <span className="infer__type">
                      {type}
                      {required ? ', required' : ', optional'}
                    </span>
                    {proposal.status === 'existing' && (
                      <span
                        className={`infer__status${proposal.conflict ? ' infer__status--conflict' : ''}`}
                      >
                        Already in the spec{proposal.conflict ? `: ${proposal.conflict}` : ''}
                      </span>
                    )}
                    <Evidence proposal={proposal} />
                  </label>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={count === 0}>
          {count === 0
            ? 'Add columns'
            : `Add ${String(count)} ${count === 1 ? 'column' : 'columns'}`}
        </button>
      </div>
    </form>
  );
}
