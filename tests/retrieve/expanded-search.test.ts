import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.ts";
import { createTutor } from "../../src/app/tutor.ts";
import { CourseIndexes, defaultFusionWeights, HybridSearcher } from "../../src/retrieve/index.ts";
import { openSeededDb } from "../helpers/db.ts";
import { openSeededSearcher, type SeededSearcher } from "../helpers/searcher.ts";

const answers = (text: string) => /L2 normalization is the operation of dividing a vector/i.test(text);

describe("hybrid search expands a student's words with the course's associated terms (real PGlite)", () => {
  let seeded: SeededSearcher;
  let expanding: HybridSearcher;
  let plain: HybridSearcher;

  beforeAll(async () => {
    seeded = await openSeededSearcher();
    const { db, embeddings } = seeded;
    expanding = new HybridSearcher({ db, indexes: new CourseIndexes(db), embeddings });
    plain = new HybridSearcher({
      db,
      indexes: new CourseIndexes(db),
      embeddings,
      weights: { ...defaultFusionWeights, expanded: 0 },
    });
  });
  afterAll(() => seeded.close());

  const query = "do i need to make my vectors length 1 before comparing them?";

  it("brings up the passage the notes file the answer under, which plain fusion ranks low", async () => {
    const without = await plain.search({ course: "aie101", query, k: 5 });
    const withExpansion = await expanding.search({ course: "aie101", query, k: 5 });
    expect(without.results.some((r) => answers(r.text))).toBe(false);
    expect(withExpansion.results.slice(0, 3).some((r) => answers(r.text))).toBe(true);
    expect(without.expansion).toEqual([]);
    expect(withExpansion.expansion.length).toBeGreaterThan(0);
    expect(withExpansion.results.some((r) => r.scores.expanded !== undefined)).toBe(true);
  });

  it("keeps spelled-out acronyms out of the plain BM25 list and gives them to the expanded one", async () => {
    const asked = "how much smaller is DistilBERT than BERT";
    const spelledOut =
      "how much smaller is DistilBERT than BERT (Bidirectional Encoder Representations from Transformers)";
    const bm25Of = (response: Awaited<ReturnType<HybridSearcher["search"]>>) =>
      new Map(response.results.map((r) => [r.chunkId, r.scores.bm25]));
    const both = await expanding.search({
      course: "aie101",
      query: asked,
      spelledOutQuery: spelledOut,
      k: 60,
      allCandidates: true,
    });
    const bare = await expanding.search({ course: "aie101", query: asked, k: 60, allCandidates: true });
    const whole = await expanding.search({ course: "aie101", query: spelledOut, k: 60, allCandidates: true });
    // The BM25 list is the student's words alone…
    const scored = [...bm25Of(both)].filter(([, score]) => score !== undefined);
    expect(scored.length).toBeGreaterThan(0);
    for (const [id, score] of scored) expect(bm25Of(bare).get(id)).toBe(score);
    expect(scored.some(([id, score]) => bm25Of(whole).get(id) !== score)).toBe(true);
    // …and the long form's words reach the expanded list.
    const longFormOnly = both.results.find(
      (r) =>
        r.scores.expanded !== undefined &&
        /Bidirectional Encoder Representations/.test(r.text) &&
        !/DistilBERT/.test(r.text),
    );
    expect(longFormOnly).toBeDefined();
    expect(both.expansion).not.toEqual([]);
  });

  it("expands only in hybrid mode, so the single retrievers stay what they are", async () => {
    for (const mode of ["bm25", "vector"] as const) {
      const response = await expanding.search({ course: "aie101", query, k: 5, mode });
      expect(response.expansion).toEqual([]);
      expect(response.results.every((r) => r.scores.expanded === undefined)).toBe(true);
    }
  });
});

describe("QUERY_EXPANSION reaches the tutor's searcher", () => {
  it("expands by default and not with QUERY_EXPANSION=0", async () => {
    const query = "do i need to make my vectors length 1 before comparing them?";
    for (const [env, expands] of [
      [{}, true],
      [{ QUERY_EXPANSION: "0" }, false],
    ] as const) {
      const tutor = await createTutor(loadConfig(env), { db: await openSeededDb() });
      try {
        const response = await tutor.searcher.search({ course: "aie101", query, k: 5 });
        expect(response.expansion.length > 0).toBe(expands);
      } finally {
        await tutor.close();
        await tutor.db.close();
      }
    }
  });
});
