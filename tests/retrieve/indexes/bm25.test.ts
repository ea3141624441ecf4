import { describe, expect, it } from "vitest";
import type { ChunkRecord } from "../../../src/core/chunks.ts";
import { Bm25Index } from "../../../src/retrieve/indexes/bm25.ts";

function chunk(id: string, text: string, extra: Partial<ChunkRecord> = {}): ChunkRecord {
  return {
    chunkId: id,
    courseId: "c",
    source: `${id}.md`,
    title: "Notes",
    heading: "",
    headingPath: [],
    locator: null,
    url: null,
    week: null,
    ord: 0,
    text,
    ...extra,
  };
}

const chunks = [
  chunk("drift", "Model drift is the slow decay of a deployed model's accuracy as the data changes.", {
    week: 9,
  }),
  chunk("hnsw", "HNSW builds a layered graph so nearest-neighbour search visits few vectors.", { week: 6 }),
  chunk("bm25", "BM25 scores documents by term frequency, inverse document frequency and length.", {
    week: 7,
  }),
  chunk("syllabus", "Late work loses ten percent per day after the grace days are used.", {
    source: "syllabus.md",
  }),
];

describe("Bm25Index", () => {
  const index = new Bm25Index(chunks);

  it("ranks the chunk that uses the query's rare terms first", () => {
    expect(index.search("how does HNSW search work", 3)[0]?.id).toBe("hnsw");
    expect(index.search("what is model drift", 3)[0]?.id).toBe("drift");
  });

  it("matches inflected forms through stemming", () => {
    expect(index.search("drifting models", 1)[0]?.id).toBe("drift");
    expect(index.search("scoring a document", 1)[0]?.id).toBe("bm25");
  });

  it("returns nothing for words the course never uses", () => {
    expect(index.search("lasagna recipe", 5)).toEqual([]);
  });

  it("filters by week (material without a week always passes) and by source prefix", () => {
    const upToWeek7 = index.search("model drift late work grace days HNSW", 10, { week: 7 }).map((h) => h.id);
    expect(upToWeek7).toContain("hnsw");
    expect(upToWeek7).toContain("syllabus");
    expect(upToWeek7).not.toContain("drift");
    const onlySyllabus = index.search("late work drift", 10, { sourcePrefix: "syllabus" }).map((h) => h.id);
    expect(onlySyllabus).toEqual(["syllabus"]);
  });

  it("weights heading matches above body matches", () => {
    const withHeadings = new Bm25Index([
      chunk("body", "Caching appears once here among many other unrelated words about serving."),
      chunk("heading", "Some text about serving models in production systems.", { headingPath: ["Caching"] }),
      chunk("other", "Nothing relevant at all in this one."),
    ]);
    expect(withHeadings.search("caching", 2)[0]?.id).toBe("heading");
  });

  it("works for courses with fewer than three chunks", () => {
    const tiny = new Bm25Index([chunk("only", "Gradient descent updates the weights.")]);
    expect(tiny.search("gradient descent", 5).map((h) => h.id)).toEqual(["only"]);
    expect(new Bm25Index([]).search("anything", 5)).toEqual([]);
  });

  it("exposes IDF so rare terms weigh more than common ones", () => {
    const common = new Bm25Index([
      chunk("1", "model drift"),
      chunk("2", "model serving"),
      chunk("3", "model registry"),
      chunk("4", "vector index"),
    ]);
    const model = common.idf("model") ?? 0;
    const drift = common.idf("drift") ?? 0;
    expect(drift).toBeGreaterThan(model);
    expect(common.idf("lasagna")).toBeUndefined();
    expect(common.maxIdf).toBeGreaterThan(drift);
  });
});
