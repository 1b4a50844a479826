import { useMemo } from 'react';
import type { SpecModel } from '../../../../core/spec/webhook-spec.ts';
import { type SpecChange, useSpecDesigner } from '../hooks/use-spec-designer.ts';
import { ColumnsTable } from './columns-table.tsx';
import { DataframeTypeField } from './dataframe-type-field.tsx';
import { SpecJsonPanel } from './spec-json-panel.tsx';
import { SpecSummary } from './spec-summary.tsx';
import { WebhookBlockView } from './webhook-block-view.tsx';
import { WebhookInputField } from './webhook-input-field.tsx';

export type SpecDesignerProps = {
  /** Read once on mount; give the designer a new `key` to load another spec. */
  initialModel: SpecModel;
  initialJsonText?: string;
  onChange: (change: SpecChange) => void;
};

/** The webhook block spec designer: the form, the spec as JSON beside it, and the block. */
export function SpecDesigner({ initialModel, initialJsonText, onChange }: SpecDesignerProps) {
  const { form, model, issues, jsonText, jsonReading, handleJsonChange } = useSpecDesigner({
    initialModel,
    ...(initialJsonText === undefined ? {} : { initialJsonText }),
    onChange,
  });
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
          <DataframeTypeField register={form.register} />
          <ColumnsTable form={form} model={model} warnings={warnings} />
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
