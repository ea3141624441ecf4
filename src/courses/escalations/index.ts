/**
 * Escalations: students hand questions to the teaching staff; similar open questions are grouped
 * by the course embedder; staff answer a group once and every student in it gets the answer; an
 * answer can become course material the tutor cites from then on.
 */
export { escalatingPipeline } from "./auto.ts";
export {
  defaultGrouping,
  evaluateThreshold,
  fitThreshold,
  type GroupingOptions,
  nearestGroup,
  type ParaphrasePair,
  parseParaphrasePairs,
  scorePairs,
} from "./grouping.ts";
export { pseudonym } from "./pseudonym.ts";
export {
  type AnswerInput,
  type AnswerOutcome,
  type EscalateInput,
  Escalations,
  type EscalationsDeps,
} from "./service.ts";
export {
  DEFAULT_STAFF_ROLE,
  isStaffAnswerSource,
  STAFF_ANSWER_TITLE,
  type StaffAnswerView,
  StaffMaterial,
  slugify,
  staffAnswerMarkdown,
  staffAnswerSource,
} from "./staff-material.ts";
export { sessionTimeline, TIMELINE_LIMIT, type TimelineMessage } from "./timeline.ts";
export * from "./types.ts";
export { describeDuration, sentMessage, TYPICAL_WAIT_DAYS } from "./wait.ts";
