/**
 * Chat shorthand students type ("ppl", "u", "diff", "hyperparams") spelled out, so BM25 meets the
 * notes' words and the embedding sees real ones. General informal English and common technical
 * clippings only; nothing here names a course topic. A token the course itself uses as a word is
 * left alone (the caller checks), so a course about, say, "ur" keeps it.
 */
const SHORTHAND: Record<string, string> = {
  u: "you",
  ur: "your",
  r: "are",
  n: "and",
  y: "why",
  b4: "before",
  bc: "because",
  cuz: "because",
  coz: "because",
  tho: "though",
  thru: "through",
  w: "with",
  "w/": "with",
  "w/o": "without",
  wo: "without",
  ppl: "people",
  pls: "please",
  plz: "please",
  thx: "thanks",
  idk: "I don't know",
  imo: "in my opinion",
  btw: "by the way",
  rn: "right now",
  diff: "difference",
  diffs: "differences",
  info: "information",
  approx: "approximately",
  prob: "probably",
  def: "definitely",
  esp: "especially",
  min: "minimum",
  max: "maximum",
  avg: "average",
  num: "number",
  nums: "numbers",
  perf: "performance",
  acc: "accuracy",
  prod: "production",
  env: "environment",
  envs: "environments",
  repo: "repository",
  repos: "repositories",
  config: "configuration",
  configs: "configurations",
  db: "database",
  dbs: "databases",
  img: "image",
  imgs: "images",
  doc: "document",
  docs: "documents",
  msg: "message",
  msgs: "messages",
  req: "request",
  reqs: "requests",
  rec: "recommendation",
  recs: "recommendations",
  param: "parameter",
  params: "parameters",
  hyperparam: "hyperparameter",
  hyperparams: "hyperparameters",
  hparams: "hyperparameters",
  dims: "dimensions",
  dim: "dimension",
  vec: "vector",
  vecs: "vectors",
  emb: "embedding",
  embs: "embeddings",
  eval: "evaluation",
  evals: "evaluations",
  stats: "statistics",
  dist: "distribution",
  temp: "temperature",
  impl: "implementation",
  dev: "development",
  govt: "government",
  combo: "combination",
  combos: "combinations",
};

export interface ShorthandOptions {
  /** True for tokens the course uses as words: those are not shorthand here. */
  isCourseWord?: (token: string) => boolean;
}

/** The question with chat shorthand spelled out. */
export function expandShorthand(question: string, options: ShorthandOptions = {}): string {
  return question.replace(/[\p{L}\p{N}]+(?:\/[\p{L}]*)?/gu, (token) => {
    const key = token.toLowerCase();
    const full = SHORTHAND[key];
    if (full === undefined || options.isCourseWord?.(key)) return token;
    return full;
  });
}
