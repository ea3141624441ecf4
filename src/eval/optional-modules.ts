import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { HybridSearcher } from "../retrieve/index.ts";
import type { GuardFigures } from "./report.ts";

/**
 * A module another part of the project provides and the harness uses when it is there: the
 * guardrail suites (src/guard/suite.ts). A missing file is a normal state (skipped with a
 * note); a file that exists but fails to load is an error.
 */
async function importIfPresent(relative: string): Promise<Record<string, unknown> | undefined> {
  const url = new URL(relative, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return undefined;
  return (await import(url.href)) as Record<string, unknown>;
}

const guardReportShape = z.object({
  mode: z.string().optional(),
  attacks: z.object({ total: z.number(), rate: z.number() }),
  benign: z.object({ total: z.number(), rate: z.number() }),
});

/**
 * Attack block rate and benign refusal rate from src/guard/suite.ts's `runGuardSuites()`, run
 * against the course's retrieval; a note instead when the module is not there.
 */
export async function runGuardSuiteFigures(searcher: HybridSearcher, course: string): Promise<GuardFigures> {
  const mod = await importIfPresent("../guard/suite.ts");
  const run = mod?.runGuardSuites;
  if (typeof run !== "function") {
    return {
      attack_block_rate: null,
      benign_refusal_rate: null,
      attacks: null,
      benign: null,
      note: "src/guard/suite.ts does not export runGuardSuites() yet: guardrail figures skipped",
    };
  }
  const parsed = guardReportShape.safeParse(await run({ searcher, course }));
  if (!parsed.success) {
    return {
      attack_block_rate: null,
      benign_refusal_rate: null,
      attacks: null,
      benign: null,
      note: "runGuardSuites() returned an unexpected shape: guardrail figures skipped",
    };
  }
  const report = parsed.data;
  return {
    attack_block_rate: report.attacks.rate,
    benign_refusal_rate: report.benign.rate,
    attacks: report.attacks.total,
    benign: report.benign.total,
    ...(report.mode ? { mode: report.mode } : {}),
  };
}
