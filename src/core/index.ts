/**
 * The shared vocabulary every area speaks: what a student asks and gets back, the chunks retrieval
 * finds, how a question is rewritten for retrieval, and the zod schemas derived from the modes.
 */
export {
  ANSWER_STATUSES,
  type Answer,
  type AnswerStatus,
  type AnswerTimings,
  type AskRequest,
  type AskTrace,
  type Citation,
  type ConversationTurn,
  type CoursePolicy,
  type CoursePolicySource,
  type TraceHit,
  type TraceVerdict,
  TUTOR_MODES,
  type TutorMode,
} from "./chat.ts";
export {
  type ChunkRecord,
  matchesFilters,
  type RankedIds,
  RETRIEVAL_MODES,
  type RetrievalMode,
  type ScoredChunk,
  type SearchFilters,
  type StageScores,
  withReleasedWeeks,
} from "./chunks.ts";
export type { QueryRewriter, RewrittenQuery } from "./query.ts";
export { answerStatusSchema, retrievalModeSchema, tutorModeSchema } from "./schemas.ts";
export { isStaffSurface, STAFF_SURFACES, type StaffSurface } from "./surfaces.ts";
