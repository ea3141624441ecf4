/** Server-rendered course pages: a course's home and one page per document, for citation links. */
export { CourseMaterial, type CourseSummary, type DocumentChunk, type DocumentSummary } from "./documents.ts";
export {
  courseHomePage,
  courseLabel,
  coursePath,
  documentPage,
  documentPath,
  notFoundPage,
  PAGE_CSP,
} from "./pages.ts";
export { createSections, type PageHeading, type PageSection } from "./sections.ts";
