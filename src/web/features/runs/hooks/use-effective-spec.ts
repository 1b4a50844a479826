import { useEffect, useMemo } from 'react';
import {
  parseWebhookSpec,
  specModelToWebhookSpec,
  type SpecModel,
} from '@core/spec/webhook-spec.ts';
import type { WorkflowResponse } from '@core/wire/workflow.ts';
import { useStableByJson } from '@web/lib/use-stable-by-json.ts';
import { effectiveSpec, readOverrideText } from '../model/effective-spec.ts';
import { type JudgedSpec, judgedSpecLabel } from '../model/judged-spec.ts';
import { findWebhookSpecs } from '../model/workflow-draft.ts';

/** A spec in one canonical form, to compare the designer's with the stored one. */
const canonical = (specs: Record<string, unknown>): string => {
  const parsed = parseWebhookSpec(specs);
  return JSON.stringify(parsed.success ? specModelToWebhookSpec(parsed.data) : specs);
};

/**
 * The stored spec (the saved workflow's, else the designer's as it would be saved), the
 * override read from its text, and their merge; reports the spec the next run uses (the
 * one the sample is judged against) to the app.
 */
export function useEffectiveSpec(
  specModel: SpecModel,
  workflow: WorkflowResponse | undefined,
  overrideText: string,
  onJudgedSpecChange: ((judged: JudgedSpec | undefined) => void) | undefined,
) {
  const designed = useMemo(() => specModelToWebhookSpec(specModel), [specModel]);
  const savedSpecs = findWebhookSpecs(workflow?.workflow_definition);
  const stored: Record<string, unknown> = savedSpecs ?? designed;
  const reading = useMemo(() => readOverrideText(overrideText), [overrideText]);
  const override = reading.kind === 'ok' ? reading.override : undefined;
  const effective = useMemo(() => effectiveSpec(stored, override), [stored, override]);
  const differsFromSaved =
    savedSpecs !== undefined && canonical(savedSpecs) !== canonical(designed);
  const storedModel = useMemo(() => {
    const parsed = parseWebhookSpec(stored);
    return parsed.success ? parsed.data : specModel;
  }, [stored, specModel]);
  const overrideProblem =
    reading.kind === 'error' ? reading.message : effective.success ? undefined : effective.message;
  const judged: JudgedSpec = {
    model: effective.success ? effective.model : storedModel,
    label: judgedSpecLabel(
      savedSpecs === undefined ? undefined : (workflow?.name ?? ''),
      override !== undefined,
      overrideProblem,
    ),
    workflow: savedSpecs === undefined ? undefined : workflow,
    differsFromSaved,
    overrideProblem,
  };
  // One object while what the app shows of it stays the same (a new one each render would
  // report it each render).
  const latest = useStableByJson(judged, [
    judged.model,
    judged.label,
    differsFromSaved,
    workflow?.id,
  ]);
  useEffect(() => {
    onJudgedSpecChange?.(latest);
  }, [latest, onJudgedSpecChange]);
  return { stored, reading, override, effective, differsFromSaved, savedSpecs };
}
