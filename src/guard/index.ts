/**
 * The guard: rules that judge what a student asks and what the tutor answers, the engine that
 * runs them per course from the guard configuration, the replies that stand in for a refused
 * answer, the streamed-answer check, and the red-team suites that measure the rules.
 */
export { TopicCentroids } from "./centroid.ts";
export {
  defaultGuardConfigPath,
  GuardConfigError,
  type GuardFileConfig,
  type GuardRuleId,
  type GuardRuleSettings,
  guardRuleIds,
  guardRulesSchema,
  loadGuardConfig,
  parseGuardConfig,
  settingsForCourse,
} from "./config.ts";
export { GuardCounters, type GuardCountsSnapshot } from "./counters.ts";
export { createGuardEngine, type GuardEngineSetup } from "./create-engine.ts";
export {
  GuardEngine,
  type GuardEngineOptions,
  type GuardListener,
  type GuardLogEvent,
  type GuardLogger,
  type GuardRuleSet,
  type TopicCentroidSource,
} from "./engine.ts";
export { redactForStorage, type StoredTextPiiSettings } from "./redact.ts";
export { offTopicReply, socraticReply } from "./replies.ts";
export {
  type GuardSuiteFigures,
  type GuardSuiteOptions,
  type GuardSuiteReport,
  loadSuites,
  runGuardSuiteFigures,
  runGuardSuites,
} from "./suite.ts";
export { GuardedTokenStream, type StreamCheck } from "./token-stream.ts";
export type * from "./types.ts";
