import type { z } from 'zod';
import { specModelIssues } from '@core/spec/spec-issues.ts';
import { specModelSchema } from '@core/spec/webhook-spec.ts';

/**
 * The designer form's schema: the spec model's shape, plus the rules a schema alone cannot
 * say (column names, duplicates naming the clashing column, webhook_input JSON) from core.
 * Warnings (such as spaces around a name) do not block; the form shows them separately.
 */
export const specFormSchema = specModelSchema.superRefine((model, context) => {
  for (const issue of specModelIssues(model)) {
    if (issue.severity === 'error') {
      context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  }
});

export type SpecFormValues = z.input<typeof specFormSchema>;
