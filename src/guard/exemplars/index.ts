/**
 * The semantic exemplar rule: labelled example messages per family, matched by the course
 * embedder, with thresholds fitted per model on the dev split of the guard suites.
 */
export {
  type CourseExemplarSettings,
  courseExemplars,
  defaultExemplarDir,
  type ExemplarLibrary,
  ExemplarLibraryError,
  exemplarSchema,
  familyThresholdsSchema,
  loadExemplarLibrary,
  thresholdsFor,
} from "./library.ts";
export { clears, decide, ExemplarIndex, unitVector } from "./match.ts";
export { createExemplarRules, type ExemplarRuleOptions, type FamilyVerdict, matchDetails } from "./rule.ts";
export * from "./types.ts";
export { ExemplarVectors } from "./vectors.ts";
