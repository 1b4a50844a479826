import { useId, useMemo } from 'react';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { downstreamCheck, type DownstreamBlock } from '@core/workflow/downstream-check.ts';
import { newStep, type WorkflowStep } from '../model/workflow-steps.ts';

/** The steps whose specs read as a JSON object (the rest are reported by the editor). */
function readableBlocks(steps: readonly WorkflowStep[]): DownstreamBlock[] {
  return steps.map((step) => {
    try {
      const specs: unknown = JSON.parse(step.specsText.trim() === '' ? '{}' : step.specsText);
      return {
        block_name: step.block_name,
        specs:
          typeof specs === 'object' && specs !== null && !Array.isArray(specs)
            ? Object.fromEntries(Object.entries(specs))
            : {},
      };
    } catch {
      return { block_name: step.block_name, specs: {} };
    }
  });
}

export type DownstreamCheckProps = {
  spec: SpecModel;
  steps: readonly WorkflowStep[];
  onStepsChange: (steps: WorkflowStep[]) => void;
};

/**
 * What the blocks after the webhook ask of its rows: a column no row carries, one the spec does
 * not require, a block of the other row type; each with its fix, a converter inserted for you.
 */
export function DownstreamCheck({ spec, steps, onStepsChange }: DownstreamCheckProps) {
  const titleId = useId();
  const findings = useMemo(() => downstreamCheck(spec, readableBlocks(steps)), [spec, steps]);
  return (
    <section className="runs-form__field" aria-labelledby={titleId}>
      <h3 id={titleId} className="field-label">
        Downstream check
      </h3>
      {findings.length === 0 ? (
        <p className="section-hint">
          Every column the blocks name reaches them, and each block takes the rows it gets.
        </p>
      ) : (
        <ul className="downstream__list">
          {findings.map((finding) => (
            <li
              key={`${finding.kind}-${finding.block}-${'column' in finding ? finding.column : ''}`}
              className={finding.kind === 'advisory' ? 'field-warning' : 'field-error'}
            >
              <strong>
                Block {finding.block} ({finding.block_name}):
              </strong>{' '}
              {finding.fix}{' '}
              {finding.kind === 'row_type' && (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    const at = finding.block - 2;
                    onStepsChange([
                      ...steps.slice(0, at),
                      newStep(finding.converter),
                      ...steps.slice(at),
                    ]);
                  }}
                >
                  Insert {finding.converter} before block {finding.block}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
