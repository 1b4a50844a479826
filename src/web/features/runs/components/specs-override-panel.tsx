import { useId } from 'react';
import { JsonEditor } from '../../../lib/monaco/json-editor.tsx';
import type { EffectiveSpec, KeyComparison, OverrideReading } from '../model/effective-spec.ts';
import { specsOverrideJsonSchema } from '../model/override-schema.ts';

const OVERRIDE_URI = 'inmemory://inlet/specs-override.json';
const OVERRIDE_SCHEMA_URI = 'inlet://schemas/specs-override.json';

const show = (value: unknown): string =>
  value === undefined ? '—' : JSON.stringify(value, null, 2);

export type SpecsOverridePanelProps = {
  text: string;
  onChange: (text: string) => void;
  reading: OverrideReading;
  effective: EffectiveSpec;
  /** Where the stored spec comes from, in a few words. */
  storedFrom: string;
};

/** The run's `specs_override`, and the effective spec it makes with the stored one. */
export function SpecsOverridePanel({
  text,
  onChange,
  reading,
  effective,
  storedFrom,
}: SpecsOverridePanelProps) {
  const titleId = useId();
  const stateId = useId();
  const problem =
    reading.kind === 'error' ? reading.message : effective.success ? undefined : effective.message;
  const changed = effective.keys.filter((key) => key.changed).length;
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
        <div className="runs-override__effective">
          <table className="runs-table runs-table--compare">
            <caption className="runs-override__caption">
              Effective spec (stored: {storedFrom})
            </caption>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Stored</th>
                <th scope="col">Override</th>
                <th scope="col">Effective</th>
              </tr>
            </thead>
            <tbody>
              {effective.keys.map((key) => (
                <CompareRow key={key.key} row={key} />
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function CompareRow({ row }: { row: KeyComparison }) {
  return (
    <tr className={row.changed ? 'runs-compare--changed' : undefined}>
      <th scope="row">
        <code>{row.key}</code>
        {row.changed && <span className="runs-compare__badge">changed</span>}
        {row.overridden && !row.changed && (
          <span className="runs-compare__badge runs-compare__badge--same">same</span>
        )}
      </th>
      <td>
        <pre className="runs-compare__value">{show(row.stored)}</pre>
      </td>
      <td>
        <pre className="runs-compare__value">{row.overridden ? show(row.override) : '—'}</pre>
      </td>
      <td>
        <pre className="runs-compare__value">{show(row.effective)}</pre>
      </td>
    </tr>
  );
}
