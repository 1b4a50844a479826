import { z } from 'zod';
import { emptySpecModel, specModelSchema } from '../../../../core/spec/webhook-spec.ts';
import { readLocal, type StoreWriteResult, writeLocal } from '../../../lib/storage/local-store.ts';

/** Drafts hold specs only (no secrets), so localStorage is the right place. */
export const DRAFTS_STORAGE_KEY = 'inlet.drafts.v1';
export const DRAFT_NAME_MAX_LENGTH = 80;

export const draftSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  model: specModelSchema,
  /** The JSON editor's text when it differed from the model (half-typed or broken JSON). */
  jsonText: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Draft = z.infer<typeof draftSchema>;

export const draftsStateSchema = z.object({
  version: z.literal(1),
  activeId: z.string(),
  drafts: z.array(draftSchema).min(1),
});
export type DraftsState = z.infer<typeof draftsStateSchema>;

const newId = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export function createDraft(name: string, model = emptySpecModel()): Draft {
  const now = Date.now();
  return { id: newId(), name, model, createdAt: now, updatedAt: now };
}

export const freshDraftsState = (): DraftsState => {
  const draft = createDraft('Untitled spec');
  return { version: 1, activeId: draft.id, drafts: [draft] };
};

/** A name not yet taken: "Untitled spec", "Untitled spec 2", … */
export function uniqueDraftName(base: string, drafts: readonly Draft[]): string {
  const taken = new Set(drafts.map((draft) => draft.name.trim().toLowerCase()));
  const stem = base.trim().slice(0, DRAFT_NAME_MAX_LENGTH - 4) || 'Untitled spec';
  if (!taken.has(stem.toLowerCase())) return stem;
  for (let n = 2; ; n += 1) {
    const candidate = `${stem} ${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export type LoadedDrafts = { state: DraftsState; notice?: string };

/** Reads the saved drafts; unreadable data is set aside (never silently dropped). */
export function loadDrafts(): LoadedDrafts {
  const raw = readLocal(DRAFTS_STORAGE_KEY);
  if (raw === undefined) return { state: freshDraftsState() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const result = draftsStateSchema.safeParse(parsed);
  if (result.success) {
    const state = result.data;
    const activeId = state.drafts.some((draft) => draft.id === state.activeId)
      ? state.activeId
      : (state.drafts[0]?.id ?? '');
    return { state: { ...state, activeId } };
  }
  const backupKey = `${DRAFTS_STORAGE_KEY}.unreadable-${Date.now()}`;
  const backup = writeLocal(backupKey, raw);
  return {
    state: freshDraftsState(),
    notice: backup.ok
      ? `Saved drafts could not be read, so a new draft was started. The old data is kept in this browser's storage under "${backupKey}".`
      : 'Saved drafts could not be read, so a new draft was started.',
  };
}

export function saveDrafts(state: DraftsState): StoreWriteResult {
  return writeLocal(DRAFTS_STORAGE_KEY, JSON.stringify(state));
}
