import { describe, expect, it } from "vitest";
import { ConfigNameError, parseConfigList, parseConfigName } from "../../src/eval/configs.ts";

describe("eval configurations", () => {
  it("defaults to bm25, vector, hybrid and hybrid+rerank", () => {
    expect(parseConfigList(undefined).map((c) => c.name)).toEqual([
      "bm25",
      "vector",
      "hybrid",
      "hybrid+rerank",
    ]);
    expect(parseConfigList(" , ").map((c) => c.name)).toHaveLength(4);
  });

  it("reads MODE and MODE+rerank, case-insensitively, dropping repeats", () => {
    expect(parseConfigName("BM25+Rerank")).toEqual({
      name: "bm25+rerank",
      retrievalMode: "bm25",
      rerank: true,
    });
    expect(parseConfigList("vector, hybrid,vector").map((c) => c.name)).toEqual(["vector", "hybrid"]);
    expect(parseConfigList(["hybrid"])).toEqual([{ name: "hybrid", retrievalMode: "hybrid", rerank: false }]);
  });

  it("rejects unknown modes and modifiers with a message naming the valid ones", () => {
    expect(() => parseConfigName("dense")).toThrow(ConfigNameError);
    expect(() => parseConfigName("dense")).toThrow(/bm25, vector or hybrid/);
    expect(() => parseConfigName("hybrid+mmr")).toThrow(/\+rerank/);
    expect(() => parseConfigName("hybrid+rerank+rerank")).toThrow(ConfigNameError);
  });

  it("reads a space as the + an unencoded query string turned into one", () => {
    expect(parseConfigName("hybrid rerank")).toEqual({
      name: "hybrid+rerank",
      retrievalMode: "hybrid",
      rerank: true,
    });
    expect(parseConfigList("bm25,hybrid rerank, vector + rerank").map((c) => c.name)).toEqual([
      "bm25",
      "hybrid+rerank",
      "vector+rerank",
    ]);
    expect(() => parseConfigName("hybrid mmr")).toThrow(/\+rerank/);
  });
});
