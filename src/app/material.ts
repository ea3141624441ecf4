import {
  Escalations,
  type IngestionRuns,
  isStaffAnswerSource,
  type MaterialPublisher,
} from "../courses/index.ts";
import type { Db } from "../db/index.ts";
import type { CourseEmbeddings } from "../embed/embeddings.ts";
import { ingestDocument, removeDocuments } from "../ingest/document.ts";
import { ingestFolder } from "../ingest/sync.ts";
import type { Telemetry } from "../observability/telemetry.ts";
import type { CourseIndexes, HybridSearcher } from "../retrieve/index.ts";
import type { Tutor } from "./tutor.ts";

/** What changes a course's material: the database, the embedder, and the indexes searches read. */
export interface MaterialParts {
  db: Db;
  embeddings: CourseEmbeddings;
  indexes: CourseIndexes;
  searcher: HybridSearcher;
  telemetry: Telemetry;
}

/**
 * `Tutor.ingest`: a course folder ingested as one recorded run (one per course across replicas),
 * the indexes rebuilt when anything changed. Staff answers are documents the folder does not hold,
 * so a re-ingest keeps them.
 */
export function createFolderIngest(parts: MaterialParts & { ingestionRuns: IngestionRuns }): Tutor["ingest"] {
  const { db, embeddings, indexes, searcher, ingestionRuns, telemetry } = parts;
  return (dir, course, onProgress, options = {}) => {
    const trigger = options.trigger ?? "folder";
    return telemetry.trackIngestion(course, trigger, () =>
      ingestionRuns.run(
        course,
        trigger,
        async (report) => {
          const progress = onProgress ?? options.onProgress;
          const summary = await ingestFolder({
            db,
            embeddings,
            dir,
            course,
            keepSources: isStaffAnswerSource,
            onProgress: (phase, done, total) => {
              report(phase, done, total);
              progress?.(phase, done, total);
            },
          });
          // An unchanged course keeps its version: nothing to rebuild, no model to load.
          if (summary.added + summary.updated + summary.removed > 0 || summary.reembedded) {
            await indexes.rebuild(course);
            await searcher.prepareCourse(course);
          }
          return summary;
        },
        options.onRunStarted,
      ),
    );
  };
}

/**
 * The staff queue, grouping by the course embedder and publishing staff answers as single
 * documents. A student's note is stored like a question or a feedback comment: `redact`ed.
 */
export function createTutorEscalations(
  parts: MaterialParts & { redact: (text: string, course: string) => string },
): Escalations {
  return new Escalations({
    db: parts.db,
    embedder: parts.embeddings,
    redact: parts.redact,
    publisher: createMaterialPublisher(parts),
    log: (message) => parts.telemetry.logger.warn({ event: "escalations" }, message),
  });
}

/** Single documents in and out of a course (staff answers), the indexes rebuilt at once. */
function createMaterialPublisher({ db, embeddings, indexes, searcher }: MaterialParts): MaterialPublisher {
  return {
    async publish(course, source, content) {
      const bytes = new TextEncoder().encode(content);
      const { version } = await ingestDocument({ db, embeddings, course, source, bytes });
      // A rebuild already under way may have read the course before this version: wait for one that has it.
      for (let attempt = 0; attempt < 3; attempt++) {
        if ((await indexes.rebuild(course)).version >= version) break;
      }
      await searcher.prepareCourse(course);
    },
    async retire(course, source) {
      if ((await removeDocuments(db, course, [source])) > 0) await indexes.rebuild(course);
    },
  };
}
