import { useState } from 'react';
import {
  FIELD_TYPE_LABELS,
  FIELD_TYPES,
  type FieldType,
  fieldTypeSchema,
} from '@core/spec/field-type.ts';
import type { Column } from '@core/spec/webhook-spec.ts';
import { Dialog } from '@web/components/ui/dialog.tsx';
import { type ColumnProposal, columnsToAdd } from '../model/column-proposals.ts';

export type InferColumnsDialogProps = {
  proposals: readonly ColumnProposal[] | undefined;
  onClose: () => void;
  onAdd: (columns: Column[]) => void;
  /** Where the proposals come from; by default the payload's rows. */
  description?: string;
};

/**
 * Proposed columns in a table with the evidence for each (presence, types seen, examples);
 * the user picks which to add and may change each one's type. Columns already in the spec
 * are listed as such (with any disagreement) and are never added or changed.
 */
export function InferColumnsDialog({
  proposals,
  onClose,
  onAdd,
  description = "Columns proposed from the payload's rows. Pick the ones to add and check their types; the payload's values are then converted to them. Columns already in the spec stay as they are.",
}: InferColumnsDialogProps) {
  return (
    <Dialog
      open={proposals !== undefined}
      onClose={onClose}
      title="Infer columns"
      description={description}
      size="large"
    >
      {proposals && <ProposalForm proposals={proposals} onClose={onClose} onAdd={onAdd} />}
    </Dialog>
  );
}

const percent = (part: number, whole: number): string =>
  whole === 0 ? '0%' : `${String(Math.round((part / whole) * 100))}%`;

function ProposalForm({
  proposals,
  onClose,
  onAdd,
}: {
  proposals: readonly ColumnProposal[];
  onClose: () => void;
  onAdd: (columns: Column[]) => void;
}) {
  const fresh = proposals.filter((proposal) => proposal.status === 'new');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(fresh.map((proposal) => proposal.inferred.name)),
  );
  const [types, setTypes] = useState<ReadonlyMap<string, FieldType>>(() => new Map());
  const toggle = (name: string, on: boolean) => {
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });
  };
  const chosenColumns = columnsToAdd(proposals, chosen).map((column) => ({
    ...column,
    type: types.get(column.name) ?? column.type,
  }));
  const count = chosenColumns.length;
  return (
    <form
      className="infer"
      onSubmit={(event) => {
        event.preventDefault();
        onAdd(chosenColumns);
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
                className="button button--secondary button--small"
                onClick={() => {
                  setChosen(new Set(fresh.map((proposal) => proposal.inferred.name)));
                }}
              >
                Select all
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  setChosen(new Set());
                }}
              >
                Select none
              </button>
            </div>
          )}
          <div className="infer__scroll">
            <table className="infer__table">
              <caption className="visually-hidden">Proposed columns</caption>
              <thead>
                <tr>
                  <th scope="col">Add</th>
                  <th scope="col">Column</th>
                  <th scope="col">Type</th>
                  <th scope="col">Presence</th>
                  <th scope="col">Types seen</th>
                  <th scope="col">Examples</th>
                </tr>
              </thead>
              <tbody>
                {proposals.map((proposal) => {
                  const { name, required, evidence, note } = proposal.inferred;
                  const existing = proposal.status === 'existing';
                  const type = existing
                    ? proposal.existing.type
                    : (types.get(name) ?? proposal.inferred.type);
                  return (
                    <tr key={name} className={`infer__row infer__row--${proposal.status}`}>
                      <td>
                        <input
                          type="checkbox"
                          className="checkbox"
                          aria-label={`Add ${name}`}
                          checked={existing || chosen.has(name)}
                          disabled={existing}
                          onChange={(event) => {
                            toggle(name, event.currentTarget.checked);
                          }}
                        />
                      </td>
                      <th scope="row" className="infer__name-cell">
                        <span className="infer__name">{name}</span>
                        <span className="infer__required">
                          {required ? 'required' : 'optional'}
                        </span>
                        {existing && (
                          <span
                            className={`infer__status${proposal.conflict ? ' infer__status--conflict' : ''}`}
                          >
                            Already in the spec{proposal.conflict ? `: ${proposal.conflict}` : ''}
                          </span>
                        )}
                        {note !== undefined && <span className="infer__note">{note}</span>}
                      </th>
                      <td>
                        <select
                          className="input select infer__type"
                          aria-label="Type"
                          value={type}
                          disabled={existing}
                          title={`Guessed: ${proposal.inferred.type}`}
                          onChange={(event) => {
                            const parsed = fieldTypeSchema.safeParse(event.currentTarget.value);
                            if (!parsed.success) return;
                            setTypes((previous) => new Map(previous).set(name, parsed.data));
                          }}
                        >
                          {FIELD_TYPES.map((option) => (
                            <option key={option} value={option}>
                              {option} · {FIELD_TYPE_LABELS[option]}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="infer__presence">
                        {evidence.present.toLocaleString('en-US')} of{' '}
                        {evidence.rows.toLocaleString('en-US')} (
                        {percent(evidence.present, evidence.rows)})
                      </td>
                      <td>{evidence.typesSeen.join(', ') || 'nothing'}</td>
                      <td className="infer__examples">{evidence.examples.join(', ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
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
