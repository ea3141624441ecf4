import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { modelShortName } from "../../embed/models/manifest.ts";
import { type ConfidenceThresholds, defaultConfidenceThresholds } from "../confidence.ts";

/** A calibration file: the no-answer thresholds fitted for one embedder, and what they were fitted on. */
export const calibrationSchema = z.object({
  version: z.literal(1),
  confidence: z.object({
    minCoverage: z.number().min(0).max(1),
    minVectorSimilarity: z.number().min(-1).max(1),
    strongVectorSimilarity: z.number().min(-1).max(1),
    minCoverageWhenStrong: z.number().min(0).max(1),
    minCoverageLexicalOnly: z.number().min(0).max(1),
  }),
  fittedOn: z.record(z.string(), z.unknown()).optional(),
});

export type Calibration = z.infer<typeof calibrationSchema>;

/** Where the calibration of `modelId` lives: `<model short name>.json` beside this file. */
export function calibrationFile(modelId: string): string {
  return fileURLToPath(new URL(`./${modelShortName(modelId)}.json`, import.meta.url));
}

/**
 * The no-answer thresholds for an embedder: similarity scales differ from model to model, so each
 * one gets thresholds fitted with it (scripts/calibrate-confidence.ts); the bundled sentence
 * encoder's defaults otherwise.
 */
export async function confidenceThresholdsFor(modelId: string): Promise<ConfidenceThresholds> {
  const file = calibrationFile(modelId);
  if (!existsSync(file)) return defaultConfidenceThresholds;
  const parsed = calibrationSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success) throw new Error(`invalid calibration in ${file}: ${parsed.error.issues[0]?.message}`);
  return parsed.data.confidence;
}
