import { ChunkRepository, type Queryable } from "../db/index.ts";
import type { EvalCase } from "./dataset.ts";
import { createGrader, type JudgedChunk, sourceMatches } from "./relevance.ts";

/** Every chunk of a course, as relevance judging needs it. */
export function loadCourseChunks(db: Queryable, course: string): Promise<JudgedChunk[]> {
  return new ChunkRepository(db).textsOfCourse(course);
}

/**
 * What in a dataset cannot be judged against this course: expected sources the course does not
 * have, and expected sources none of whose chunks holds an expected phrase. Such cases score
 * zero on retrieval however good retrieval is, so the report says so up front.
 */
export function checkDatasetAgainstCourse(
  cases: readonly EvalCase[],
  chunks: readonly JudgedChunk[],
): string[] {
  const warnings: string[] = [];
  const sources = [...new Set(chunks.map((c) => c.source))];
  for (const evalCase of cases) {
    if (evalCase.expected_sources.length === 0) continue;
    const grader = createGrader(evalCase);
    for (const expected of evalCase.expected_sources) {
      if (!sources.some((s) => sourceMatches(s, expected))) {
        // The same file under another folder prefix is the usual mistake (course/x.md vs x.md).
        const near = sources
          .filter((s) => s.endsWith(`/${expected}`) || expected.endsWith(`/${s}`))
          .slice(0, 3);
        const hint = near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(", ")}?)` : "";
        warnings.push(`${evalCase.id}: expected source "${expected}" is not in the course${hint}`);
        continue;
      }
      const holds = chunks.some((c) => sourceMatches(c.source, expected) && grader.grade(c) === 2);
      if (!holds) warnings.push(`${evalCase.id}: no chunk of "${expected}" contains any expected phrase`);
    }
  }
  return warnings;
}
