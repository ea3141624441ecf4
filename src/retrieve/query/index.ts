/** What a student typed → what retrieval searches for, with the course's own wording. */
export { type CourseLexicon, createCourseLexicon } from "./lexicon.ts";
export {
  CourseQueryRewriter,
  type LexiconSource,
  lexiconsFromIndexes,
  type RewriterOptions,
  rewriterDefaults,
} from "./rewriter.ts";
