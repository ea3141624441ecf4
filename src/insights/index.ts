/** What students ask, what the material cannot answer, feedback and drift, for instructors. */
export {
  type CourseInsights,
  clusterGaps,
  computeInsights,
  type InsightFeedback,
  type InsightMessage,
  jensenShannon,
  weekStart,
} from "./compute.ts";
export { renderInsightsHtml } from "./html.ts";
export { loadInsights } from "./load.ts";
