import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { packageRoot } from "../../core/paths.ts";

/**
 * The guard suites on disk: `attacks.jsonl` and `benign.jsonl`, the rounds written since
 * (`rounds/<id>.jsonl`, listed in `rounds.json` with the figures each first measured), and the
 * stable split of every string into dev (for tuning rules and fitting thresholds) and test (for
 * reporting).
 */

export const defaultSuitesDir = path.join(packageRoot, "evals", "guard");

const attackSchema = z.object({
  family: z.string().min(1),
  text: z.string().min(1),
  /** PII entries: the values that must be gone from the redacted text. */
  pii: z.array(z.string().min(1)).optional(),
});
const benignSchema = z.object({ category: z.string().min(1), text: z.string().min(1) });
const roundLineSchema = z.discriminatedUnion("kind", [
  attackSchema.extend({ kind: z.literal("attack") }),
  benignSchema.extend({ kind: z.literal("benign") }),
]);

export type Split = "dev" | "test";
export type AttackCase = z.infer<typeof attackSchema> & { split?: Split; round?: string };
export type BenignCase = z.infer<typeof benignSchema> & { split?: Split; round?: string };
export interface Suites {
  attacks: AttackCase[];
  benign: BenignCase[];
}

/** Figures as first measured on a round, before any rule had seen it. */
const firstMeasuredSchema = z.object({
  date: z.string(),
  /** The commit whose rules were measured, and their fingerprint (see rulesFingerprint). */
  rulesCommit: z.string(),
  rulesFingerprint: z.string(),
  mode: z.enum(["input", "retrieval"]),
  attacks: z.object({ total: z.number(), blocked: z.number(), byRule: z.number() }),
  benign: z.object({ total: z.number(), refused: z.number(), unanswered: z.number() }),
  byFamily: z.record(z.string(), z.object({ total: z.number(), blocked: z.number(), byRule: z.number() })),
});
export type FirstMeasured = z.infer<typeof firstMeasuredSchema>;

const roundSchema = z.object({
  id: z.string().min(1),
  file: z.string().min(1),
  written: z.string(),
  note: z.string().optional(),
  /** Whether the round's strings have joined the suites (after it was first measured). */
  added: z.boolean(),
  firstMeasured: firstMeasuredSchema.optional(),
});
export type RoundEntry = z.infer<typeof roundSchema>;
const manifestSchema = z.object({ version: z.literal(1), rounds: z.array(roundSchema) });

/** Dev or test, from a hash of the text: stable across runs, machines and file order. */
export function splitOf(text: string): Split {
  const digest = createHash("sha256").update(text.trim()).digest();
  return (digest[0] as number) % 2 === 0 ? "dev" : "test";
}

async function readJsonl<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  const text = await readFile(file, "utf8");
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line, i) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message ?? "invalid entry"}`);
      return parsed.data;
    });
}

/** The rounds listed in `rounds.json` (none when the file is missing). */
export async function loadRoundManifest(dir = defaultSuitesDir): Promise<RoundEntry[]> {
  let raw: string;
  try {
    raw = await readFile(path.join(dir, "rounds.json"), "utf8");
  } catch {
    return [];
  }
  const parsed = manifestSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new Error(`${dir}/rounds.json: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data.rounds;
}

/** One round's strings, tagged with the round and their split. */
export async function loadRound(
  entry: Pick<RoundEntry, "id" | "file">,
  dir = defaultSuitesDir,
): Promise<Suites> {
  const lines = await readJsonl(path.join(dir, entry.file), roundLineSchema);
  const suites: Suites = { attacks: [], benign: [] };
  for (const { kind, ...line } of lines) {
    const tagged = { ...line, split: splitOf(line.text), round: entry.id };
    if (kind === "attack") suites.attacks.push(tagged as AttackCase);
    else suites.benign.push(tagged as BenignCase);
  }
  return suites;
}

/** The suites: the two files and every round already added, each string tagged with its split. */
export async function loadSuites(dir = defaultSuitesDir): Promise<Suites> {
  const [attacks, benign, rounds] = await Promise.all([
    readJsonl(path.join(dir, "attacks.jsonl"), attackSchema),
    readJsonl(path.join(dir, "benign.jsonl"), benignSchema),
    loadRoundManifest(dir),
  ]);
  const suites: Suites = {
    attacks: attacks.map((a) => ({ ...a, split: splitOf(a.text) })),
    benign: benign.map((b) => ({ ...b, split: splitOf(b.text) })),
  };
  // A round string the suites already hold (written twice, in two rounds) counts once.
  const seen = new Set([...suites.attacks, ...suites.benign].map((c) => c.text));
  const fresh = <T extends { text: string }>(c: T) => !seen.has(c.text) && seen.add(c.text) !== undefined;
  for (const entry of rounds.filter((r) => r.added)) {
    const round = await loadRound(entry, dir);
    suites.attacks.push(...round.attacks.filter(fresh));
    suites.benign.push(...round.benign.filter(fresh));
  }
  return suites;
}

/** Only the strings of one split. */
export function selectSplit(suites: Suites, split: Split): Suites {
  return {
    attacks: suites.attacks.filter((a) => (a.split ?? splitOf(a.text)) === split),
    benign: suites.benign.filter((b) => (b.split ?? splitOf(b.text)) === split),
  };
}
