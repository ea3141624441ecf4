import { RETRIEVAL_MODES, type RetrievalMode } from "../core/chunks.ts";

/** One retrieval set-up an eval run compares: a retrieval mode, with or without the reranker. */
export interface EvalConfig {
  name: string;
  retrievalMode: RetrievalMode;
  rerank: boolean;
}

export const DEFAULT_CONFIG_NAMES = ["bm25", "vector", "hybrid", "hybrid+rerank"] as const;

const MODES: readonly RetrievalMode[] = RETRIEVAL_MODES;

export class ConfigNameError extends Error {
  override name = "ConfigNameError";
}

/**
 * `MODE` or `MODE+rerank`, MODE one of bm25, vector, hybrid: `bm25+rerank` reranks BM25's
 * candidates with the configured reranker. A space stands for the `+`: in a query string
 * (`?configs=bm25,hybrid+rerank`) an unencoded `+` arrives as one.
 */
export function parseConfigName(raw: string): EvalConfig {
  const name = raw
    .trim()
    .toLowerCase()
    .replace(/\s*\+\s*|\s+/g, "+");
  const [mode, ...extras] = name.split("+");
  if (!MODES.includes(mode as RetrievalMode)) {
    throw new ConfigNameError(
      `unknown configuration "${raw}": use bm25, vector or hybrid, optionally with +rerank (e.g. hybrid+rerank)`,
    );
  }
  if (extras.length > 1 || (extras.length === 1 && extras[0] !== "rerank")) {
    throw new ConfigNameError(`unknown configuration "${raw}": the only modifier is +rerank`);
  }
  return { name, retrievalMode: mode as RetrievalMode, rerank: extras.length === 1 };
}

/** A comma-separated list, duplicates dropped, in the given order; empty means the defaults. */
export function parseConfigList(list: string | readonly string[] | undefined): EvalConfig[] {
  const names = (typeof list === "string" ? list.split(",") : (list ?? []))
    .map((n) => n.trim())
    .filter((n) => n !== "");
  const chosen = names.length > 0 ? names : [...DEFAULT_CONFIG_NAMES];
  const configs: EvalConfig[] = [];
  for (const n of chosen) {
    const config = parseConfigName(n);
    if (!configs.some((c) => c.name === config.name)) configs.push(config);
  }
  return configs;
}
