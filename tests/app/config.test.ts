import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/app/config.ts";

describe("loadConfig", () => {
  it("has working defaults with an empty environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      embedder: "use",
      databaseUrl: undefined,
      defaultCourse: "aie101",
      llm: { provider: "none" },
    });
    expect(config.dataDir).toBe(path.resolve("./data"));
    expect(config.corpusDir.endsWith(`${path.sep}corpus`)).toBe(true);
  });

  it("treats empty strings as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "" })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it("names every invalid setting", () => {
    expect(() => loadConfig({ PORT: "http", EMBEDDER: "magic" })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: "http", EMBEDDER: "magic" });
    } catch (error) {
      expect(String(error)).toMatch(/PORT/);
      expect(String(error)).toMatch(/EMBEDDER/);
    }
  });

  it("reads the LTI settings: a generated pseudonym key unless one is set, a 72-hour key grace", () => {
    expect(loadConfig({}).lti).toEqual({ pseudonymSecret: undefined, keyGraceHours: 72 });
    const set = loadConfig({ LTI_PSEUDONYM_SECRET: "a-long-enough-secret", LTI_KEY_GRACE_HOURS: "0" });
    expect(set.lti).toEqual({ pseudonymSecret: "a-long-enough-secret", keyGraceHours: 0 });
    expect(() => loadConfig({ LTI_PSEUDONYM_SECRET: "short" })).toThrow(/LTI_PSEUDONYM_SECRET/);
    expect(() => loadConfig({ LTI_KEY_GRACE_HOURS: "-1" })).toThrow(/LTI_KEY_GRACE_HOURS/);
  });

  it("requires the folders and models that a choice depends on", () => {
    expect(() => loadConfig({ EMBEDDER: "transformers" })).toThrow(
      /needs EMBEDDING_MODEL \(a preset name or a local model folder\)/,
    );
    expect(() => loadConfig({ RERANKER: "cross-encoder" })).toThrow(/needs RERANKER_MODEL/);
    expect(() => loadConfig({ LLM_PROVIDER: "openai" })).toThrow(/LLM_MODEL/);
  });

  it("weights the expanded BM25 list 2 by default, lets 0 turn expansion off, and refuses negatives", () => {
    expect(loadConfig({}).queryExpansion).toBe(2);
    expect(loadConfig({ QUERY_EXPANSION: "0" }).queryExpansion).toBe(0);
    expect(() => loadConfig({ QUERY_EXPANSION: "-1" })).toThrow(/QUERY_EXPANSION/);
    expect(() => loadConfig({ QUERY_EXPANSION: "lots" })).toThrow(/QUERY_EXPANSION/);
  });

  it("keeps conversations by default and reads a retention period in whole days", () => {
    expect(loadConfig({}).conversationRetentionDays).toBe(0);
    expect(loadConfig({ CONVERSATION_RETENTION_DAYS: "180" }).conversationRetentionDays).toBe(180);
    expect(() => loadConfig({ CONVERSATION_RETENTION_DAYS: "-5" })).toThrow(/CONVERSATION_RETENTION_DAYS/);
    expect(() => loadConfig({ CONVERSATION_RETENTION_DAYS: "1.5" })).toThrow(/CONVERSATION_RETENTION_DAYS/);
  });

  it("uses a cross-encoder when only its folder is given", () => {
    expect(loadConfig({ RERANKER_MODEL_DIR: "/models/ce" }).reranker).toBe("cross-encoder");
    expect(loadConfig({ RERANKER_MODEL_DIR: "/models/ce", RERANKER: "none" }).reranker).toBe("none");
  });

  it("reads the default widget origins as a list of origins", () => {
    expect(loadConfig({}).widgetAllowedOrigins).toEqual([]);
    expect(
      loadConfig({ WIDGET_ALLOWED_ORIGINS: " https://LMS.example.edu/ , http://127.0.0.1:8080,* " })
        .widgetAllowedOrigins,
    ).toEqual(["https://lms.example.edu", "http://127.0.0.1:8080", "*"]);
    expect(() => loadConfig({ WIDGET_ALLOWED_ORIGINS: "https://lms.example.edu/course" })).toThrow(
      /WIDGET_ALLOWED_ORIGINS/,
    );
  });
});
