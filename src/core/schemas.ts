import { z } from "zod";
import { ANSWER_STATUSES, TUTOR_MODES } from "./chat.ts";
import { RETRIEVAL_MODES } from "./chunks.ts";
import { ESCALATION_STATUSES } from "./escalations.ts";

/** The vocabulary's zod schemas, derived from its tuples so a new mode is added in one place. */
export const tutorModeSchema = z.enum(TUTOR_MODES);
export const answerStatusSchema = z.enum(ANSWER_STATUSES);
export const retrievalModeSchema = z.enum(RETRIEVAL_MODES);
export const escalationStatusSchema = z.enum(ESCALATION_STATUSES);
