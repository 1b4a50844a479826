import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { type UseFieldArrayReturn, type UseFormReturn, useFormState } from 'react-hook-form';
import { FIELD_TYPE_LABELS, FIELD_TYPES } from '@core/spec/field-type.ts';
import type { Column, SpecModel } from '@core/spec/webhook-spec.ts';
import { Icon } from '@web/components/ui/icon.tsx';
import { useAnnounce } from '@web/components/ui/live-region.tsx';
import type { SpecFormValues } from '../model/spec-form-schema.ts';

const ROW_CONTROLS = ['name', 'type', 'required', 'description', 'up', 'down', 'remove'] as const;
type RowControl = (typeof ROW_CONTROLS)[number];
const isRowControl = (value: string | undefined): value is RowControl =>
  ROW_CONTROLS.some((control) => control === value);
type PendingFocus = { rowId: string; control: RowControl } | { index: number; control: RowControl };

const newColumn = (): Column => ({ name: '', type: 'string', required: false, description: '' });

const EXAMPLE_COLUMNS: Column[] = [
  { name: 'company_name', type: 'string', required: true, description: 'Legal or trading name' },
  { name: 'website', type: 'string', required: false, description: 'Homepage URL' },
  { name: 'employee_count', type: 'integer', required: false, description: '' },
];

/** Rows that fit EXAMPLE_COLUMNS, so a new user sees a payload judged at once. */
const EXAMPLE_PAYLOAD = `${JSON.stringify(
  [
    {
      company_name: 'Analytical Engines',
      website: 'https://analytical.example',
      employee_count: 42,
    },
    { company_name: 'Difference Works', employee_count: 7 },
  ],
  null,
  2,
)}\n`;

const columnLabel = (name: string | undefined, index: number): string =>
  name?.trim() ? `“${name}”` : `column ${index + 1}`;

export type ColumnsTableProps = {
  form: UseFormReturn<SpecFormValues, unknown, SpecModel>;
  /** The form's one field array for `columns` (the designer also appends through it). */
  columns: UseFieldArrayReturn<SpecFormValues, 'columns'>;
  model: SpecModel;
  /** Non-blocking notes per column index (such as spaces around a name). */
  warnings: ReadonlyMap<number, string>;
  /** "Start from an example" was used: its sample rows, for an empty payload to take. */
  onExample?: ((payload: string) => void) | undefined;
};

/** The spec's columns: edit in place, add, remove (with undo) and reorder, all by keyboard. */
export function ColumnsTable({ form, columns, model, warnings, onExample }: ColumnsTableProps) {
  const { control, register, getValues } = form;
  const { errors, touchedFields } = useFormState({ control });
  const { fields, append, remove, move, insert } = columns;
  const announce = useAnnounce();
  const baseId = useId();
  const rowsRef = useRef(new Map<string, HTMLTableRowElement>());
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const pendingFocusRef = useRef<PendingFocus | undefined>(undefined);
  const [removed, setRemoved] = useState<{ column: Column; index: number } | undefined>();

  // Put focus somewhere sensible once the rows have re-rendered after a move or a removal.
  useEffect(() => {
    const pending = pendingFocusRef.current;
    if (!pending) return;
    pendingFocusRef.current = undefined;
    let row: HTMLTableRowElement | undefined;
    if ('rowId' in pending) {
      row = rowsRef.current.get(pending.rowId);
    } else {
      const field = fields[pending.index] ?? fields[pending.index - 1];
      row = field ? rowsRef.current.get(field.id) : undefined;
    }
    if (!row) {
      addButtonRef.current?.focus();
      return;
    }
    const order: RowControl[] = [pending.control, 'up', 'down', 'name'];
    for (const name of order) {
      const element = row.querySelector<HTMLInputElement | HTMLButtonElement>(
        `[data-control="${name}"]`,
      );
      if (element && !element.disabled) {
        element.focus();
        return;
      }
    }
  }, [fields]);

  const handleAdd = () => {
    setRemoved(undefined);
    append(newColumn(), { shouldFocus: true, focusName: `columns.${fields.length}.name` });
    announce(`Added column ${fields.length + 1}. Type its name.`);
  };

  const handleUseExample = () => {
    setRemoved(undefined);
    append(EXAMPLE_COLUMNS, { shouldFocus: true, focusName: 'columns.0.name' });
    announce(`Added ${EXAMPLE_COLUMNS.length} example columns.`);
    onExample?.(EXAMPLE_PAYLOAD);
  };

  const handleMove = (index: number, delta: -1 | 1, focusControl: RowControl) => {
    const target = index + delta;
    const field = fields[index];
    if (!field || target < 0 || target >= fields.length) return;
    const name = getValues(`columns.${index}.name`);
    pendingFocusRef.current = { rowId: field.id, control: focusControl };
    move(index, target);
    announce(`Moved ${columnLabel(name, index)} to position ${target + 1} of ${fields.length}.`);
  };

  const handleRemove = (index: number) => {
    const column = getValues(`columns.${index}`);
    pendingFocusRef.current = { index, control: 'name' };
    remove(index);
    setRemoved({ column, index });
    announce(`Removed ${columnLabel(column.name, index)}. Undo is available after the table.`);
  };

  const handleUndo = () => {
    if (!removed) return;
    insert(removed.index, removed.column, {
      shouldFocus: true,
      focusName: `columns.${removed.index}.name`,
    });
    announce(`Restored ${columnLabel(removed.column.name, removed.index)}.`);
    setRemoved(undefined);
  };

  const handleRowKeyDown = (index: number) => (event: KeyboardEvent<HTMLElement>) => {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const { control } = event.currentTarget.dataset;
    handleMove(index, event.key === 'ArrowUp' ? -1 : 1, isRowControl(control) ? control : 'name');
  };

  return (
    <div className="columns">
      <div className="columns__heading">
        <h3 className="section-title" id={`${baseId}-title`}>
          Columns
        </h3>
        <p className="section-hint">
          The fields each webhook row carries. <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> moves the
          column you are in.
        </p>
      </div>
      <table className="columns__table" aria-labelledby={`${baseId}-title`}>
        <colgroup>
          <col className="columns__col-index" />
          <col className="columns__col-name" />
          <col className="columns__col-type" />
          <col className="columns__col-required" />
          <col className="columns__col-description" />
          <col className="columns__col-actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Position</span>
              <span aria-hidden="true">#</span>
            </th>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Description</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.length === 0 && (
            <tr className="columns__empty">
              <td colSpan={6}>
                <p>
                  No columns yet. Add the fields your webhook sends, such as an email or a website.
                </p>
                <button type="button" className="button button--ghost" onClick={handleUseExample}>
                  Start from an example
                </button>
              </td>
            </tr>
          )}
          {fields.map((field, index) => {
            const rowErrors = errors.columns?.[index];
            const nameValue = model.columns[index]?.name ?? '';
            const nameTouched = touchedFields.columns?.[index]?.name === true;
            // A new, untouched row is not an error yet; it becomes one once left empty.
            const nameError =
              nameValue.trim() === '' && !nameTouched ? undefined : rowErrors?.name?.message;
            const nameWarning = nameError ? undefined : warnings.get(index);
            const messageId = `${baseId}-${field.id}-name-message`;
            const keyDown = handleRowKeyDown(index);
            return (
              <tr
                key={field.id}
                ref={(element) => {
                  if (element) rowsRef.current.set(field.id, element);
                  else rowsRef.current.delete(field.id);
                }}
                className={nameError ? 'columns__row columns__row--invalid' : 'columns__row'}
              >
                <td className="columns__index" aria-hidden="true">
                  {index + 1}
                </td>
                <td>
                  <input
                    {...register(`columns.${index}.name`)}
                    className="input input--mono"
                    aria-label="Column name"
                    aria-invalid={nameError ? true : undefined}
                    aria-describedby={nameError || nameWarning ? messageId : undefined}
                    autoComplete="off"
                    spellCheck={false}
                    placeholder="column_name"
                    data-control="name"
                    onKeyDown={keyDown}
                  />
                  {nameError && (
                    <p id={messageId} className="field-error">
                      {nameError}
                    </p>
                  )}
                  {nameWarning && (
                    <p id={messageId} className="field-warning">
                      {nameWarning}
                    </p>
                  )}
                </td>
                <td>
                  <select
                    {...register(`columns.${index}.type`)}
                    className="input select"
                    aria-label="Type"
                    aria-invalid={rowErrors?.type ? true : undefined}
                    data-control="type"
                    onKeyDown={keyDown}
                  >
                    {FIELD_TYPES.map((type) => (
                      // The type's own name only, so the select shows it whole in a narrow
                      // pane and the name column keeps the room; the plain words are its tip.
                      <option key={type} value={type} title={FIELD_TYPE_LABELS[type]}>
                        {type}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="columns__required">
                  <input
                    {...register(`columns.${index}.required`)}
                    type="checkbox"
                    className="checkbox"
                    aria-label="Required"
                    data-control="required"
                    onKeyDown={keyDown}
                  />
                </td>
                <td>
                  <input
                    {...register(`columns.${index}.description`)}
                    className="input"
                    aria-label="Description"
                    autoComplete="off"
                    placeholder="Optional"
                    data-control="description"
                    onKeyDown={keyDown}
                  />
                </td>
                <td className="columns__actions">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label="Move column up"
                    title="Move up (Alt+↑)"
                    disabled={index === 0}
                    data-control="up"
                    onClick={() => {
                      handleMove(index, -1, 'up');
                    }}
                    onKeyDown={keyDown}
                  >
                    <Icon name="up" />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label="Move column down"
                    title="Move down (Alt+↓)"
                    disabled={index === fields.length - 1}
                    data-control="down"
                    onClick={() => {
                      handleMove(index, 1, 'down');
                    }}
                    onKeyDown={keyDown}
                  >
                    <Icon name="down" />
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button--danger"
                    aria-label="Remove column"
                    title="Remove column"
                    data-control="remove"
                    onClick={() => {
                      handleRemove(index);
                    }}
                    onKeyDown={keyDown}
                  >
                    <Icon name="remove" />
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="columns__footer">
        <button
          ref={addButtonRef}
          type="button"
          className="button button--secondary"
          onClick={handleAdd}
        >
          <Icon name="plus" />
          Add column
        </button>
        {removed && (
          <p className="undo-note">
            Removed {columnLabel(removed.column.name, removed.index)}.{' '}
            <button type="button" className="link-button" onClick={handleUndo}>
              Undo
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
