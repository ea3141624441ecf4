import {
  ChunkRepository,
  CourseRepository,
  type CourseSummary,
  type DocumentChunk,
  DocumentRepository,
  type DocumentSummary,
  type Queryable,
} from "../../db/index.ts";

export type { CourseSummary, DocumentChunk, DocumentSummary } from "../../db/index.ts";

/** Reads what the demo and course pages show: courses, their documents and the ingested text. */
export class CourseMaterial {
  private readonly courses: CourseRepository;
  private readonly documentRows: DocumentRepository;
  private readonly chunkRows: ChunkRepository;

  constructor(db: Queryable) {
    this.courses = new CourseRepository(db);
    this.documentRows = new DocumentRepository(db);
    this.chunkRows = new ChunkRepository(db);
  }

  course(id: string): Promise<CourseSummary | undefined> {
    return this.courses.find(id);
  }

  /** Weekly material in week order, then the rest (syllabus, projects…) by title. */
  documents(course: string): Promise<DocumentSummary[]> {
    return this.documentRows.list(course);
  }

  /** The document a page path names: by its front-matter url, else by its source path. */
  async findDocument(course: string, pagePath: string, source: string): Promise<DocumentSummary | undefined> {
    const trimmed = pagePath.length > 1 ? pagePath.replace(/\/+$/, "") : pagePath;
    return this.documentRows.findByUrlOrSource(course, pagePath, trimmed, source);
  }

  chunks(documentId: string): Promise<DocumentChunk[]> {
    return this.chunkRows.ofDocument(documentId);
  }
}
