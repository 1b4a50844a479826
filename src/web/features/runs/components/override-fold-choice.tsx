import { useId, useState } from 'react';
import {
  specModelToWebhookSpec,
  type SpecModel,
  type WebhookSpec,
} from '@core/spec/webhook-spec.ts';
import { effectiveSpec, readOverrideText } from '../model/effective-spec.ts';

export type FoldChoice = 'keep' | 'fold';

type SpecsToSave =
  | { success: true; specs: WebhookSpec; folded: SpecModel | undefined }
  | { success: false; message: string };

/**
 * Saving a workflow while the draft has a specs_override: keep the override as a per-run
 * override (the workflow gets the form's spec), or fold it into the spec that is saved.
 */
export function useOverrideFold(specModel: SpecModel, overrideText: string) {
  const reading = readOverrideText(overrideText);
  const [choice, setChoice] = useState<FoldChoice>('keep');
  const specsToSave = (): SpecsToSave => {
    const designed = specModelToWebhookSpec(specModel);
    if (choice === 'keep' || reading.kind === 'none') {
      return { success: true, specs: designed, folded: undefined };
    }
    if (reading.kind === 'error') {
      return { success: false, message: `The override cannot be folded in: ${reading.message}` };
    }
    const merged = effectiveSpec(designed, reading.override);
    return merged.success
      ? { success: true, specs: specModelToWebhookSpec(merged.model), folded: merged.model }
      : { success: false, message: merged.message };
  };
  return { hasOverride: reading.kind !== 'none', choice, setChoice, specsToSave };
}

/** The question itself; nothing is shown when the draft has no override. */
export function OverrideFoldChoice({ fold }: { fold: ReturnType<typeof useOverrideFold> }) {
  const legendId = useId();
  if (!fold.hasOverride) return null;
  return (
    <fieldset className="runs-form__field" aria-labelledby={legendId}>
      <legend id={legendId} className="field-label">
        The draft has a specs override
      </legend>
      <label className="runs-form__check">
        <input
          type="radio"
          name={`${legendId}-fold`}
          checked={fold.choice === 'keep'}
          onChange={() => {
            fold.setChoice('keep');
          }}
        />
        Keep it as a per-run override (the workflow gets the form’s spec)
      </label>
      <label className="runs-form__check">
        <input
          type="radio"
          name={`${legendId}-fold`}
          checked={fold.choice === 'fold'}
          onChange={() => {
            fold.setChoice('fold');
          }}
        />
        Fold it into the stored spec (the form takes the merged spec; the override is cleared)
      </label>
    </fieldset>
  );
}
