import { useId, useMemo } from 'react';
import { JsonEditor } from '@web/lib/monaco/json-editor.tsx';
import {
  type ColumnEdit,
  editOverrideColumn,
  effectiveRows,
  startFromStored,
} from '../model/effective-columns.ts';
import type { EffectiveSpec, OverrideReading } from '../model/effective-spec.ts';
import { specsOverrideJsonSchema } from '../model/override-schema.ts';
import { EffectiveSpecTable } from './effective-spec-table.tsx';

const OVERRIDE_URI = 'inmemory://inlet/specs-override.json';
const OVERRIDE_SCHEMA_URI = 'inlet://schemas/specs-override.json';

export type SpecsOverridePanelProps = {
  text: string;
  onChange: (text: string) => void;
  reading: OverrideReading;
  stored: Record<string, unknown>;
  override: Record<string, unknown> | undefined;
  effective: EffectiveSpec;
  /** Where the stored spec comes from, in a few words. */
  storedFrom: string;
};

/** The run's `specs_override`, and the effective spec it makes with the stored one. */
export function SpecsOverridePanel({
  text,
  onChange,
  reading,
  stored,
  override,
  effective,
  storedFrom,
}: SpecsOverridePanelProps) {
  const titleId = useId();
  const stateId = useId();
  const problem =
    reading.kind === 'error' ? reading.message : effective.success ? undefined : effective.message;
  const changed = effective.keys.filter((key) => key.changed).length;
  const rows = useMemo(
    () => effectiveRows(stored, override, effective),
    [stored, override, effective],
  );
  const write = (next: Record<string, unknown>) => {
    onChange(JSON.stringify(next, null, 2));
  };
  const handleEdit = (edit: ColumnEdit) => {
    write(editOverrideColumn(stored, override, edit));
  };
  return (
    <section className="runs-panel runs-override" aria-labelledby={titleId}>
      <div className="runs-panel__head">
        <h3 id={titleId} className="runs-panel__title">
          Specs override
        </h3>
        <span className="section-hint">
          Replaces whole keys of the stored spec for this run only.
        </span>
      </div>
      <div className="runs-override__grid">
        <div className="runs-override__editor">
          <JsonEditor
            modelUri={OVERRIDE_URI}
            value={text}
            onChange={onChange}
            ariaLabel="specs_override JSON"
            describedBy={stateId}
            schema={{ uri: OVERRIDE_SCHEMA_URI, schema: specsOverrideJsonSchema() }}
            className="runs-override__monaco"
          />
          <p
            id={stateId}
            className={problem === undefined ? 'section-hint' : 'field-error runs-override__error'}
          >
            {problem ??
              (reading.kind === 'none'
                ? 'No override: the run uses the stored spec as it is.'
                : `${changed} ${changed === 1 ? 'key differs' : 'keys differ'} from the stored spec.`)}
          </p>
        </div>
        <EffectiveSpecTable
          rows={rows}
          storedFrom={storedFrom}
          canEdit={reading.kind !== 'error'}
          onEdit={handleEdit}
          onStartFromStored={() => {
            write(startFromStored(stored, override));
          }}
        />
      </div>
    </section>
  );
}
