import { z } from "zod";
import { retrievalModeSchema, tutorModeSchema } from "../../core/schemas.ts";

const courseId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "course ids are letters, digits, '.', '_' and '-'");

export const filtersSchema = z
  .object({
    week: z.number().int().min(0).max(60).optional(),
    sourcePrefix: z.string().max(512).optional(),
  })
  .strict();

/** Results a search returns when the request names no `k`, and the most it may ask for. */
export const SEARCH_K = { default: 5, max: 50 } as const;

export const searchBodySchema = z.object({
  course: courseId.optional(),
  query: z.string().trim().min(1, "query must not be empty").max(2_000),
  k: z.number().int().min(1).max(SEARCH_K.max).optional(),
  filters: filtersSchema.optional(),
  mode: retrievalModeSchema.optional(),
  rerank: z.boolean().optional(),
});

export const chatBodySchema = z.object({
  course: courseId.optional(),
  message: z.string().min(1, "message must not be empty").max(8_000),
  sessionId: z.string().max(100).optional(),
  stream: z.boolean().optional(),
  mode: tutorModeSchema.optional(),
  filters: filtersSchema.optional(),
});

export const feedbackBodySchema = z.object({
  sessionId: z.string().min(1).max(100),
  messageId: z.string().min(1).max(100),
  rating: z.enum(["up", "down"]),
  comment: z.string().max(2_000).optional(),
});

export { courseId as courseIdSchema };
