import { useId, useMemo } from 'react';
import type { SpecModelIssue } from '@core/spec/spec-issues.ts';
import { webhookSpecJsonSchema } from '@core/spec/webhook-block.ts';
import { JsonEditor, type EditorMarker } from '@web/lib/monaco/json-editor.tsx';
import { Icon } from '@web/components/ui/icon.tsx';
import { locateModelIssues, type SpecTextReading } from '../model/spec-text.ts';

const SPEC_MODEL_URI = 'inmemory://inlet/spec.json';
const SPEC_SCHEMA = {
  uri: 'inmemory://inlet/schemas/webhook-spec.schema.json',
  schema: webhookSpecJsonSchema(),
};

export type SpecJsonPanelProps = {
  text: string;
  reading: SpecTextReading;
  issues: readonly SpecModelIssue[];
  onChange: (text: string) => void;
};

/** The whole spec as JSON, two-way: valid edits flow to the form, broken ones stay here. */
export function SpecJsonPanel({ text, reading, issues, onChange }: SpecJsonPanelProps) {
  const id = useId();
  const markers = useMemo<EditorMarker[]>(
    () => (reading.status === 'ok' ? locateModelIssues(text, issues) : []),
    [reading, text, issues],
  );
  const errorCount = issues.filter((issue) => issue.severity === 'error').length;
  const [first, ...rest] = reading.status === 'ok' ? [] : reading.problems;
  return (
    <section className="panel panel--json" aria-labelledby={`${id}-title`}>
      <header className="panel__header">
        <h2 className="panel__title" id={`${id}-title`}>
          Spec JSON
        </h2>
        <span className="panel__hint">Edit here or in the form; both stay in step.</span>
      </header>
      <JsonEditor
        modelUri={SPEC_MODEL_URI}
        value={text}
        onChange={onChange}
        ariaLabel="Spec JSON editor"
        describedBy={`${id}-status`}
        schema={SPEC_SCHEMA}
        markers={markers}
        className="panel__editor"
      />
      <div id={`${id}-status`} className={`json-status json-status--${first ? 'error' : 'ok'}`}>
        {first ? (
          <>
            <Icon name="alert" />
            <p>
              <strong>
                Line {first.line}, column {first.column}:
              </strong>{' '}
              {first.message}
              {rest.length > 0 && ` (and ${rest.length} more)`}{' '}
              <span className="json-status__aside">
                {reading.status === 'syntax' ? 'The JSON does not parse; ' : 'Not a valid spec; '}
                the form keeps its last valid state.
              </span>
            </p>
          </>
        ) : (
          <>
            <Icon name="check" />
            <p>
              In step with the form
              {errorCount > 0 &&
                ` · ${errorCount} ${errorCount === 1 ? 'problem' : 'problems'} to fix in the spec`}
              .
            </p>
          </>
        )}
      </div>
    </section>
  );
}
