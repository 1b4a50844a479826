import { z } from 'zod';

/** Longest workflow id the sandbox stores [decision]: a slug or a UUID fits many times over. */
export const MAX_WORKFLOW_ID_LENGTH = 200;

/**
 * Ids a `GET /workflows/{id}` could never reach, because a fixed route of the same path answers
 * first (`GET /workflows/blocks`, `GET /workflows/runs`).
 */
export const RESERVED_WORKFLOW_IDS: readonly string[] = ['blocks', 'runs'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates (Trojan Source).
// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * A workflow id (contract, "Revision of 2026-12-02": any string, such as Sixtyfour's demo slug
 * `demo-icp-qualifier`). The sandbox bounds it [decision]: 1–200 characters, no leading or
 * trailing space, no control or bidi-override characters, not a fixed route's name.
 */
export const workflowIdSchema = z
  .string()
  .min(1, { error: 'Workflow id must not be empty; leave id out to have one made.' })
  .max(MAX_WORKFLOW_ID_LENGTH, {
    error: `Workflow id is longer than ${MAX_WORKFLOW_ID_LENGTH} characters; use a shorter slug or a UUID.`,
  })
  .refine((id) => id.trim() === id, {
    error: 'Workflow id starts or ends with a space; remove it.',
  })
  .refine((id) => !UNSAFE_CHARACTER.test(id), {
    error: 'Workflow id holds a control or bidi-override character; use letters, digits, - and _.',
  })
  .refine((id) => !RESERVED_WORKFLOW_IDS.includes(id.toLowerCase()), {
    error: `Workflow id may not be ${RESERVED_WORKFLOW_IDS.map((id) => `"${id}"`).join(' or ')}: GET /workflows/<id> is a fixed route then; choose another id.`,
  });

/**
 * The id as stored and looked up: UUIDs in lower case (as the sandbox always stored them), any
 * other id exactly as sent.
 */
export const canonicalWorkflowId = (id: string): string => (UUID.test(id) ? id.toLowerCase() : id);
