import { type Ref, useImperativeHandle, useMemo } from 'react';
import type { Column, SpecModel } from '@core/spec/webhook-spec.ts';
import { type SpecChange, useSpecDesigner } from '../hooks/use-spec-designer.ts';
import { ColumnsTable } from './columns-table.tsx';
import { DataframeTypeField } from './dataframe-type-field.tsx';
import { SpecJsonPanel } from './spec-json-panel.tsx';
import { SpecSummary } from './spec-summary.tsx';
import { WebhookBlockView } from './webhook-block-view.tsx';
import { WebhookInputField } from './webhook-input-field.tsx';

/**
 * Changes to the spec that come from outside the designer (such as the payload workbench).
 * They are applied in place, as edits to the form: the user's other edits, focus, the
 * columns table's state and the JSON editor's cursor and undo history all survive, and the
 * result reaches `onChange` (and so autosave) like any edit.
 *
 * Announcing is the caller's job: the action that asked for the change knows how to name
 * it, and a second message in the same tick would replace it in the app's one live region.
 */
export type SpecDesignerHandle = {
  /** Appends columns after the existing ones, without moving focus. */
  addColumns: (columns: readonly Column[]) => void;
  /** Sets `webhook_input` (an empty text removes it). */
  setWebhookInput: (text: string) => void;
};

export type SpecDesignerProps = {
  /**
   * Read once on mount; give the designer a new `key` to load another spec (another draft).
   * Edits to the same spec from outside go through the `ref` handle instead.
   */
  initialModel: SpecModel;
  initialJsonText?: string;
  onChange: (change: SpecChange) => void;
  /** "Start from an example" was used: its sample rows, for an empty payload to take. */
  onExample?: (payload: string) => void;
  ref?: Ref<SpecDesignerHandle>;
};

/** The webhook block spec designer: the form, the spec as JSON beside it, and the block. */
export function SpecDesigner({
  initialModel,
  initialJsonText,
  onChange,
  onExample,
  ref,
}: SpecDesignerProps) {
  const {
    form,
    columns,
    model,
    issues,
    jsonText,
    jsonReading,
    handleJsonChange,
    addColumns,
    setWebhookInput,
    setDataframeType,
  } = useSpecDesigner({
    initialModel,
    ...(initialJsonText === undefined ? {} : { initialJsonText }),
    onChange,
  });
  useImperativeHandle(ref, () => ({ addColumns, setWebhookInput }), [addColumns, setWebhookInput]);
  const warnings = useMemo(
    () =>
      new Map(
        issues.flatMap((issue) =>
          issue.severity === 'warning' &&
          issue.path[0] === 'columns' &&
          typeof issue.path[1] === 'number'
            ? [[issue.path[1], issue.message] as const]
            : [],
        ),
      ),
    [issues],
  );
  const errors = useMemo(() => issues.filter((issue) => issue.severity === 'error'), [issues]);

  return (
    <div className="designer">
      <section className="panel panel--form" aria-labelledby="block-spec-title">
        <header className="panel__header">
          <h2 className="panel__title" id="block-spec-title">
            Block spec
          </h2>
          <SpecSummary
            errors={errors}
            columnCount={model.columns.length}
            onFocusIssue={(path) => {
              form.setFocus(path);
            }}
          />
        </header>
        <form
          className="panel__body spec-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
          }}
        >
          <DataframeTypeField
            register={form.register}
            value={model.dataframe_type}
            onSet={setDataframeType}
          />
          <ColumnsTable
            form={form}
            columns={columns}
            model={model}
            warnings={warnings}
            onExample={onExample}
          />
          <WebhookInputField control={form.control} />
        </form>
      </section>
      <div className="designer__side">
        <SpecJsonPanel
          text={jsonText}
          reading={jsonReading}
          issues={issues}
          onChange={handleJsonChange}
        />
        <WebhookBlockView model={model} errorCount={errors.length} />
      </div>
    </div>
  );
}
