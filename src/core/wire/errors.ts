import { z } from 'zod';

/** Any error other than 422 (contract, "Errors"); `errors` only on payload rejections. */
export const errorDetailSchema = z.object({
  detail: z.string(),
  errors: z
    .array(
      z.object({ row: z.number().nullable(), column: z.string().nullable(), message: z.string() }),
    )
    .optional(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

/** FastAPI's `ValidationError`. */
export const validationErrorSchema = z.object({
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  type: z.string(),
  input: z.unknown().optional(),
  ctx: z.record(z.string(), z.unknown()).optional(),
});
export type ValidationError = z.infer<typeof validationErrorSchema>;

/** FastAPI's 422 body. */
export const httpValidationErrorSchema = z.object({ detail: z.array(validationErrorSchema) });
export type HTTPValidationError = z.infer<typeof httpValidationErrorSchema>;
