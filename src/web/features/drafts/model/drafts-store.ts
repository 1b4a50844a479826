import { z } from 'zod';
import { emptySpecModel, specModelSchema } from '@core/spec/webhook-spec.ts';
import { readLocal, writeLocal } from '@web/lib/storage/local-store.ts';
import {
  type CasResult,
  type KeyValueStorage,
  readDoc,
  removeDoc,
  type Revisioned,
  writeDocIfRevision,
} from '@web/lib/storage/revisioned-store.ts';
import { runSlotSchema } from '@web/lib/storage/run-slot.ts';
import { legacyPayloadKey, removePayload } from './payload-blobs.ts';

/**
 * Drafts hold specs, overrides and ids only (no secrets), so localStorage is the right place.
 * Each draft is its own document with a revision, so two tabs editing different drafts never
 * touch each other's, and two on the same draft find out instead of overwriting.
 */
export const DRAFT_KEY_PREFIX = 'inlet.drafts.v2.doc.';
export const draftKey = (id: string): string => `${DRAFT_KEY_PREFIX}${id}`;
/** The draft this tab shows (sessionStorage: per tab, kept across its reloads). */
const TAB_ACTIVE_KEY = 'inlet.drafts.v2.active';
/** The draft last shown in any tab, for a new tab. */
const LAST_ACTIVE_KEY = 'inlet.drafts.v2.last-active';
/** Before revisions: every draft in one value (read once, to move them over). */
export const LEGACY_DRAFTS_KEY = 'inlet.drafts.v1';
/** Where an unreadable draft's text is set aside (with the time and its id after it). */
export const UNREADABLE_DRAFT_PREFIX = 'inlet.unreadable-draft.';
const LEGACY_OPEN_WORKFLOWS_KEY = 'inlet.open-workflows.v1';
export const DRAFT_NAME_MAX_LENGTH = 80;

export const draftSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  model: specModelSchema,
  /** The JSON editor's text when it differed from the model (half-typed or broken JSON). */
  jsonText: z.string().optional(),
  /** Per target (`sandbox`, `sixtyfour`): open workflow, override text, followed run. */
  runs: z.record(z.string(), runSlotSchema).optional(),
  /**
   * Where the sample payload's text lies (see `payload-blobs.ts`): a key, not the text, so
   * a draft write stays small. Absent in drafts saved before it: their payload, if any,
   * lies under `legacyPayloadKey(id)`.
   */
  payload: z.object({ key: z.string().min(1) }).optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Draft = z.infer<typeof draftSchema>;
export type StoredDraft = Revisioned<Draft>;

export const newId = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export function createDraft(name: string, model = emptySpecModel(), runs?: Draft['runs']): Draft {
  const now = Date.now();
  return { id: newId(), name, model, ...(runs ? { runs } : {}), createdAt: now, updatedAt: now };
}

/** The key of a draft's payload text; a draft from before keys has it in the old place. */
export const payloadKeyOf = (draft: Draft): string =>
  draft.payload?.key ?? legacyPayloadKey(draft.id);

/**
 * The parts a user edits; two drafts with the same content need no merge. Payloads compare
 * by key: a new text always goes under a new key, so equal keys mean equal texts.
 */
export const sameContent = (a: Draft, b: Draft): boolean =>
  a.name === b.name &&
  payloadKeyOf(a) === payloadKeyOf(b) &&
  JSON.stringify(a.model) === JSON.stringify(b.model) &&
  a.jsonText === b.jsonText &&
  JSON.stringify(a.runs ?? {}) === JSON.stringify(b.runs ?? {});

/** A name not yet taken: "Untitled spec", "Untitled spec 2", … */
export function uniqueDraftName(base: string, drafts: readonly { name: string }[]): string {
  const taken = new Set(drafts.map((draft) => draft.name.trim().toLowerCase()));
  const stem = base.trim().slice(0, DRAFT_NAME_MAX_LENGTH - 4) || 'Untitled spec';
  if (!taken.has(stem.toLowerCase())) return stem;
  for (let n = 2; ; n += 1) {
    const candidate = `${stem} ${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** localStorage, or undefined when the browser blocks it (then drafts live in memory). */
export function localStorageOrUndefined(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function storedKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(DRAFT_KEY_PREFIX)) keys.push(key);
  }
  return keys;
}

export type LoadedDrafts = { drafts: StoredDraft[]; notices: string[] };

/** Every readable draft, oldest first; unreadable ones are set aside and named, never dropped. */
export function listDrafts(storage: Storage | undefined): LoadedDrafts {
  if (!storage) return { drafts: [], notices: [] };
  const drafts: StoredDraft[] = [];
  const notices: string[] = [];
  for (const key of storedKeys(storage)) {
    const read = readDoc(storage, key, draftSchema);
    if (read.kind === 'ok') drafts.push(read.doc);
    else if (read.kind === 'unreadable') {
      const backupKey = `${UNREADABLE_DRAFT_PREFIX}${Date.now()}.${key.slice(DRAFT_KEY_PREFIX.length)}`;
      const backup = writeLocal(backupKey, read.raw);
      if (backup.ok) removeDoc(storage, key);
      notices.push(
        backup.ok
          ? `A saved draft could not be read. Its data is kept in this browser's storage under "${backupKey}".`
          : 'A saved draft could not be read; it was left where it is.',
      );
    }
  }
  drafts.sort((a, b) => a.value.createdAt - b.value.createdAt);
  return { drafts, notices };
}

export const readDraft = (
  storage: KeyValueStorage | undefined,
  id: string,
): StoredDraft | undefined => {
  if (!storage) return undefined;
  const read = readDoc(storage, draftKey(id), draftSchema);
  return read.kind === 'ok' ? read.doc : undefined;
};

/** Writes a draft if the stored revision is still `base` (see `writeDocIfRevision`). */
export function writeDraft(
  storage: KeyValueStorage | undefined,
  draft: Draft,
  base: number | undefined,
): CasResult<Draft> {
  if (!storage) {
    return {
      ok: false,
      reason: 'unavailable',
      message:
        'This browser does not let the app store drafts (private mode or blocked storage). Export the spec to keep it.',
    };
  }
  return writeDocIfRevision(storage, draftKey(draft.id), draftSchema, draft, base);
}

/** Deletes a draft and its payload text. */
export const deleteDraft = (storage: KeyValueStorage | undefined, id: string): void => {
  if (!storage) return;
  const stored = readDraft(storage, id);
  removeDoc(storage, draftKey(id));
  removePayload(storage, stored ? payloadKeyOf(stored.value) : legacyPayloadKey(id));
};

/** Moves drafts saved before revisions (and their open workflows) to one document each. */
export function migrateLegacyDrafts(storage: Storage | undefined): string | undefined {
  if (!storage) return undefined;
  const raw = readLocal(LEGACY_DRAFTS_KEY);
  if (raw === undefined || storedKeys(storage).length > 0) return undefined;
  const legacy = z
    .object({ activeId: z.string(), drafts: z.array(draftSchema.omit({ runs: true })) })
    .safeParse(safeJson(raw));
  if (!legacy.success) return undefined;
  const open = z
    .record(z.string(), z.string())
    .safeParse(safeJson(readLocal(LEGACY_OPEN_WORKFLOWS_KEY)));
  for (const draft of legacy.data.drafts) {
    const runs: NonNullable<Draft['runs']> = {};
    for (const target of ['sandbox', 'sixtyfour']) {
      const workflowId = open.success ? open.data[`${target}:${draft.id}`] : undefined;
      if (workflowId) runs[target] = { workflowId, overrideText: '' };
    }
    writeDraft(storage, { ...draft, runs }, undefined);
  }
  return legacy.data.activeId;
}

const safeJson = (raw: string | undefined): unknown => {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
};

/** The draft this tab showed before a reload, else the one last shown in any tab. */
export function readActiveId(): string | undefined {
  try {
    return window.sessionStorage.getItem(TAB_ACTIVE_KEY) ?? readLocal(LAST_ACTIVE_KEY);
  } catch {
    return readLocal(LAST_ACTIVE_KEY);
  }
}

export function writeActiveId(id: string): void {
  try {
    window.sessionStorage.setItem(TAB_ACTIVE_KEY, id);
  } catch {
    // Blocked: a reload opens the last active draft instead.
  }
  writeLocal(LAST_ACTIVE_KEY, id);
}
