import { useEffect, useMemo } from 'react';
import {
  parseWebhookSpec,
  specModelToWebhookSpec,
  type SpecModel,
} from '../../../../core/spec/webhook-spec.ts';
import type { WorkflowResponse } from '../../../../core/wire/workflow.ts';
import { effectiveSpec, readOverrideText } from '../model/effective-spec.ts';
import { findWebhookSpecs } from '../model/workflow-draft.ts';

/** A spec in one canonical form, to compare the designer's with the stored one. */
const canonical = (specs: Record<string, unknown>): string => {
  const parsed = parseWebhookSpec(specs);
  return JSON.stringify(parsed.success ? specModelToWebhookSpec(parsed.data) : specs);
};

/**
 * The stored spec (the saved workflow's, else the designer's as it would be saved), the
 * override read from its text, and their merge; reports the merged model to the app.
 */
export function useEffectiveSpec(
  specModel: SpecModel,
  workflow: WorkflowResponse | undefined,
  overrideText: string,
  onEffectiveSpecChange: ((model: SpecModel | undefined) => void) | undefined,
) {
  const designed = useMemo(() => specModelToWebhookSpec(specModel), [specModel]);
  const savedSpecs = findWebhookSpecs(workflow?.workflow_definition);
  const stored: Record<string, unknown> = savedSpecs ?? designed;
  const reading = useMemo(() => readOverrideText(overrideText), [overrideText]);
  const effective = useMemo(
    () => effectiveSpec(stored, reading.kind === 'ok' ? reading.override : undefined),
    [stored, reading],
  );
  const differsFromSaved =
    savedSpecs !== undefined && canonical(savedSpecs) !== canonical(designed);
  const effectiveKey = effective.success ? JSON.stringify(effective.model) : '';
  const latest = effective.success ? effective.model : undefined;
  useEffect(() => {
    onEffectiveSpecChange?.(latest);
    // Report only when the model's content changes, not on every render's new object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [effectiveKey, onEffectiveSpecChange]);
  return { stored, reading, effective, differsFromSaved, savedSpecs };
}
