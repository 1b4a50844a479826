import { useId } from 'react';
import type { BlockInfoResponse } from '@core/wire/workflow.ts';
import { JsonEditor } from '@web/lib/monaco/json-editor.tsx';
import { receiverUrl } from '../api/deliveries.ts';
import {
  acceptsRowType,
  groupBlocks,
  newStep,
  starterSpecsText,
  stepInputTypes,
  type StepRowType,
  type WorkflowStep,
} from '../model/workflow-steps.ts';

export type BlockStepsEditorProps = {
  blocks: readonly BlockInfoResponse[];
  /** The webhook's row type; undefined when its spec has no dataframe_type. */
  rowType: StepRowType;
  steps: readonly WorkflowStep[];
  onChange: (steps: WorkflowStep[]) => void;
  /** Blocks of the saved workflow off the edited path, which saving replaces. */
  outsideCount?: number;
  /**
   * Name of Inlet's receiver that "Use Inlet's receiver" points an outgoing_webhook at; absent
   * (no button) off the sandbox, whose deliveries could not reach this machine.
   */
  receiverName?: string | undefined;
};

const rowTypeLabel = (rowType: StepRowType): string =>
  rowType === undefined ? 'unknown row type: every block is offered' : `${rowType} rows`;

/**
 * The blocks after the webhook, one after another: each picked from the catalogue grouped
 * as the contract lists it (only blocks that take the rows reaching it), with its specs
 * edited as JSON against the block's `specs_schema` (Monaco completes and checks it).
 */
export function BlockStepsEditor({
  blocks,
  rowType,
  steps,
  onChange,
  outsideCount = 0,
  receiverName,
}: BlockStepsEditorProps) {
  const inputs = stepInputTypes(rowType, steps);
  const replace = (index: number, step: WorkflowStep) => {
    onChange(steps.map((current, at) => (at === index ? step : current)));
  };
  return (
    <div className="runs-form__field">
      <h3 className="field-label">Blocks after the webhook</h3>
      {outsideCount > 0 && (
        <p className="field-error">
          The saved workflow has {outsideCount} {outsideCount === 1 ? 'block' : 'blocks'} off this
          path (a branch); saving from here keeps only the blocks listed below.
        </p>
      )}
      <ol className="block-steps">
        {steps.map((step, index) => (
          <BlockStepRow
            key={step.key}
            index={index}
            step={step}
            input={inputs[index]}
            blocks={blocks}
            receiverName={receiverName}
            onChange={(next) => {
              replace(index, next);
            }}
            onRemove={
              steps.length > 1
                ? () => {
                    onChange(steps.filter((_, at) => at !== index));
                  }
                : undefined
            }
          />
        ))}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          onChange([...steps, newStep('filter')]);
        }}
      >
        Add a block
      </button>
    </div>
  );
}

/** The specs text with `url` set, other keys kept; text that is not a JSON object is replaced. */
function withUrl(specsText: string, url: string): string {
  let specs: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(specsText);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      specs = Object.fromEntries(Object.entries(parsed));
    }
  } catch {
    // Not JSON yet: start from the url alone.
  }
  return `${JSON.stringify({ ...specs, url }, null, 2)}\n`;
}

function BlockStepRow({
  index,
  step,
  input,
  blocks,
  receiverName,
  onChange,
  onRemove,
}: {
  receiverName: string | undefined;
  index: number;
  step: WorkflowStep;
  input: StepRowType;
  blocks: readonly BlockInfoResponse[];
  onChange: (step: WorkflowStep) => void;
  onRemove: (() => void) | undefined;
}) {
  const ids = { select: useId(), hint: useId() };
  const number = index + 1;
  const groups = groupBlocks(blocks, input);
  const chosen = blocks.find((block) => block.block_name === step.block_name);
  const fits = chosen === undefined || acceptsRowType(chosen, input);
  const offered = groups.some((group) =>
    group.blocks.some((b) => b.block_name === step.block_name),
  );
  return (
    <li className="block-steps__step">
      <label htmlFor={ids.select} className="field-label">
        Block {number} ({rowTypeLabel(input)})
      </label>
      <select
        id={ids.select}
        className="input select"
        value={step.block_name}
        aria-describedby={ids.hint}
        onChange={(event) => {
          const name = event.target.value;
          onChange({ ...step, block_name: name, specsText: starterSpecsText(name) });
        }}
      >
        {!offered && <option value={step.block_name}>{step.block_name}</option>}
        {groups.map((group) => (
          <optgroup key={group.category} label={group.category}>
            {group.blocks.map((block) => (
              <option key={block.block_name} value={block.block_name}>
                {block.block_name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p id={ids.hint} className={fits ? 'section-hint' : 'field-error'}>
        {fits
          ? (chosen?.description ?? 'A block this target does not describe.')
          : `${step.block_name} does not take ${input ?? ''} rows; pick another block or put a converter (company_to_leads, leads_to_company) before it.`}
      </p>
      <JsonEditor
        modelUri={`inmemory://inlet/save-workflow/${step.key}/${step.block_name}.json`}
        value={step.specsText}
        onChange={(text) => {
          onChange({ ...step, specsText: text });
        }}
        ariaLabel={`Specs of block ${number} (${step.block_name})`}
        {...(chosen
          ? {
              schema: {
                // One association per step: the runtime keys them by URI, so a shared one would move.
                uri: `inlet://schemas/blocks/${step.key}/${step.block_name}.json`,
                schema: chosen.specs_schema,
              },
            }
          : {})}
        compact
        className="block-steps__specs"
      />
      {step.block_name === 'outgoing_webhook' && receiverName !== undefined && (
        <button
          type="button"
          className="button button--secondary"
          aria-label={`Use Inlet's receiver for block ${number}`}
          onClick={() => {
            onChange({
              ...step,
              specsText: withUrl(step.specsText, receiverUrl(window.location.origin, receiverName)),
            });
          }}
        >
          Use Inlet&rsquo;s receiver
        </button>
      )}
      {onRemove && (
        <button
          type="button"
          className="button button--secondary"
          aria-label={`Remove block ${number} (${step.block_name})`}
          onClick={onRemove}
        >
          Remove
        </button>
      )}
    </li>
  );
}
