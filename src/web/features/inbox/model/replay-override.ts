import { applyEdits, modify } from 'jsonc-parser';
import { isJsonObject } from '@core/wire/json-object.ts';

/**
 * The run console's `specs_override` as the inbox receives it (composed in src/web/app, so
 * the inbox needs nothing from the runs feature): the workflow open in the console on the
 * current target, its override when it is a JSON object with keys, or why it cannot be used.
 */
export type ConsoleOverride = {
  workflowId: string | undefined;
  override: Record<string, unknown> | undefined;
  /** The console's override text is not a usable override (not JSON, not an object). */
  problem: string | undefined;
};

export type OverrideChoice = { available: true } | { available: false; reason: string };

/** Whether "Apply the console's override" may be on for a replay to `workflowId`. */
export function overrideChoice(
  console_: ConsoleOverride | undefined,
  workflowId: string,
): OverrideChoice {
  if (console_?.problem !== undefined) {
    return {
      available: false,
      reason: `The console's override cannot be used: ${console_.problem}`,
    };
  }
  if (console_?.override === undefined) {
    return { available: false, reason: 'The run console has no override.' };
  }
  if (console_.workflowId !== workflowId.trim()) {
    return {
      available: false,
      reason:
        console_.workflowId === undefined
          ? 'The run console has no workflow open, so its override is for no workflow.'
          : `The console's override is for workflow ${console_.workflowId}, not this one.`,
    };
  }
  return { available: true };
}

export type ReplayBody = {
  text: string;
  /** What was done to the body, or why it was left as it is, for the hint under Replay. */
  note: string | undefined;
};

/**
 * The body a replay sends: with `override` set as its top-level `specs_override` when it is a
 * JSON object (replacing one it carried), else unchanged and said so. The edit is made in the
 * text, so the rest of the body (big numbers, key order, spacing) goes out exactly as it was.
 */
export function replayBody(
  text: string,
  override: Record<string, unknown> | undefined,
): ReplayBody {
  if (override === undefined) return { text, note: undefined };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isJsonObject(parsed)) {
    return {
      text,
      note: "The body is not a JSON object, so the console's override is not added: it is sent unchanged.",
    };
  }
  const replaced = Object.hasOwn(parsed, 'specs_override');
  // No formattingOptions: only the inserted or replaced member is new text.
  const edits = modify(text, ['specs_override'], override, {});
  return {
    text: applyEdits(text, edits),
    note: replaced
      ? "The console's override replaces the body's own specs_override."
      : "The console's override is added to the body as specs_override.",
  };
}
