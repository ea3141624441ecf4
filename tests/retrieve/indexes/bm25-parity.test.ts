import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import createBm25Engine from "wink-bm25-text-search";
import { type ChunkRecord, matchesFilters, type SearchFilters } from "../../../src/core/chunks.ts";
import type { Db } from "../../../src/db/db.ts";
import { ChunkRepository } from "../../../src/db/index.ts";
import { Bm25Index, defaultBm25Options } from "../../../src/retrieve/indexes/bm25.ts";
import { contentTerms, contentWordsBySentence } from "../../../src/text/terms.ts";
import { openSeededDb } from "../../helpers/db.ts";

/**
 * wink-bm25-text-search, set up the way the tutor used it before its own postings replaced it:
 * the oracle the replacement must agree with, score for score and in the same order.
 */
function winkIndex(chunks: readonly ChunkRecord[], bodyTerms: ReadonlyMap<string, readonly string[]>) {
  const engine = createBm25Engine();
  const { fieldWeights, k1, b } = defaultBm25Options;
  engine.defineConfig({ fldWeights: fieldWeights, bm25Params: { k1, b, k: 1 }, ovFldNames: ["chunkId"] });
  engine.definePrepTasks([contentTerms]);
  const split = (text: string) => (text === "" ? [] : text.split(" "));
  for (const field of ["title", "heading", "body"]) engine.definePrepTasks([split], field);
  const byId = new Map(chunks.map((c) => [c.chunkId, c]));
  for (const chunk of chunks) {
    engine.addDoc(
      {
        title: contentTerms(chunk.title).join(" "),
        heading: contentTerms(chunk.headingPath.join(" ")).join(" "),
        body: (bodyTerms.get(chunk.chunkId) ?? []).join(" "),
        chunkId: chunk.chunkId,
      },
      chunk.chunkId,
    );
  }
  engine.consolidate();
  const tokens = engine.getTokens();
  const idfs = engine.getIDF();
  const search = (query: string, limit: number, filters: SearchFilters = {}) =>
    engine
      .search(query, limit, (values) =>
        matchesFilters(byId.get(values.chunkId as string) as ChunkRecord, filters),
      )
      .map(([id, score]) => ({ id, score }));
  return Object.assign(search, {
    terms: Object.keys(tokens),
    idf: (term: string) => idfs[tokens[term] as number],
  });
}

const questions: string[] = readFileSync(new URL("../../../evals/aie101.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { question: string }).question);

describe("BM25 postings against wink-bm25-text-search (bundled course)", () => {
  let db: Db;
  let chunks: ChunkRecord[];
  let ours: Bm25Index;
  let wink: ReturnType<typeof winkIndex>;

  beforeAll(async () => {
    db = await openSeededDb();
    chunks = await new ChunkRepository(db).ofCourse("aie101");
    const bodyTerms = new Map(
      chunks.map((c) => [c.chunkId, contentWordsBySentence(c.text).flatMap((s) => s.map((w) => w.term))]),
    );
    ours = new Bm25Index(chunks, defaultBm25Options, bodyTerms);
    wink = winkIndex(chunks, bodyTerms);
  });
  afterAll(() => db.close());

  it("ranks every golden-set question exactly as wink does, scores included", () => {
    expect(questions.length).toBeGreaterThan(100);
    for (const question of questions) expect(ours.search(question, 30), question).toEqual(wink(question, 30));
  });

  it("agrees on long expanded queries, repeated words, ties and filters", () => {
    // Repeated terms and many terms with long posting lists make ties and sums of many parts.
    const queries = [
      "model model model drift",
      "the course week notes project exam grade",
      `${questions[0]} ${questions[1]} ${questions[2]}`,
    ];
    for (const query of queries) {
      expect(ours.search(query, 90)).toEqual(wink(query, 90));
      expect(ours.search(query, 40, { week: 4 })).toEqual(wink(query, 40, { week: 4 }));
      expect(ours.search(query, 40, { sourcePrefix: "week-1" })).toEqual(
        wink(query, 40, { sourcePrefix: "week-1" }),
      );
    }
  });

  it("continues the plain query's sums for the expanded query without changing either list", () => {
    for (const question of questions.slice(0, 40)) {
      const expanded = `${question} gradient embedding evaluation`;
      const both = ours.searchExpanded(question, expanded, 30);
      expect(both.plain).toEqual(wink(question, 30));
      expect(both.expanded).toEqual(wink(expanded, 30));
    }
    // An expanded query that does not begin with the plain one's terms is scored on its own.
    const apart = ours.searchExpanded("retrieval augmented generation", "RAG retrieval pipeline", 30);
    expect(apart.expanded).toEqual(wink("RAG retrieval pipeline", 30));
  });

  it("gives every term wink's IDF, and none to a term the course never uses", () => {
    expect(wink.terms.length).toBeGreaterThan(1000);
    for (const term of wink.terms) expect(ours.idf(term), term).toBe(wink.idf(term));
    expect(ours.idf("lasagna")).toBeUndefined();
  });
});
