import type { Judgement } from '@core/judge/judgement.ts';

export type EmptyPreview = { kind: 'none' | 'syntax' | 'shape'; text: string };

/**
 * Why the preview has no rows, in the judge's own words: a syntax error is said as one
 * (with its line and column), never as "not an array", and a payload of the wrong shape
 * says what it holds instead.
 */
export function emptyPreviewText(judgement: Judgement | undefined): EmptyPreview {
  if (!judgement) return { kind: 'none', text: 'No rows yet.' };
  const syntax = judgement.findings.find((finding) => finding.kind === 'invalid_json');
  if (syntax) return { kind: 'syntax', text: `No rows to show. ${syntax.message}` };
  const shape = judgement.findings.find(
    (finding) => finding.kind === 'not_rows' || finding.kind === 'empty_payload',
  );
  if (shape) return { kind: 'shape', text: `No rows. ${shape.message}` };
  return { kind: 'none', text: 'No rows: the payload is not an object or an array of objects.' };
}
