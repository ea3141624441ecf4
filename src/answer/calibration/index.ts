import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { modelShortName } from "../../embed/models/manifest.ts";
import { defaultNoAnswerThresholds, type NoAnswerThresholds } from "../compose/addresses.ts";
import { type ConfidenceThresholds, defaultConfidenceThresholds } from "../confidence.ts";

/** A calibration file: the no-answer thresholds fitted for one embedder, and what they were fitted on. */
export const calibrationSchema = z.object({
  version: z.literal(1),
  confidence: z.object({
    minCoverage: z.number().min(0).max(1),
    minVectorSimilarity: z.number().min(-1).max(1),
    strongVectorSimilarity: z.number().min(-1).max(1),
    minCoverageWhenStrong: z.number().min(0).max(1),
    closeVectorSimilarity: z.number().min(-1).max(1).optional(),
    minCoverageWhenClose: z.number().min(0).max(1).optional(),
    minCoverageLexicalOnly: z.number().min(0).max(1),
  }),
  /** The extractive answerer's bars on the sentence it leads with (absent: the defaults). */
  noAnswer: z
    .object({
      minKeyCoverage: z.number().min(0).max(1),
      strongLeadSimilarity: z.number().min(-1).max(1),
      closeLeadSimilarity: z.number().min(-1).max(1).optional(),
      minKeyCoverageWhenClose: z.number().min(0).max(1).optional(),
    })
    .optional(),
  fittedOn: z.record(z.string(), z.unknown()).optional(),
});

export type Calibration = z.infer<typeof calibrationSchema>;

/** Where the calibration of `modelId` lives: `<model short name>.json` beside this file. */
export function calibrationFile(modelId: string): string {
  return fileURLToPath(new URL(`./${modelShortName(modelId)}.json`, import.meta.url));
}

/**
 * Every no-answer bar for an embedder: retrieval confidence and the answer's lead sentence.
 * Similarity scales differ from model to model, so each one gets bars fitted with it
 * (scripts/calibrate-confidence.ts); the bundled sentence encoder's defaults otherwise.
 */
export async function calibrationFor(
  modelId: string,
): Promise<{ confidence: ConfidenceThresholds; noAnswer: NoAnswerThresholds }> {
  const file = calibrationFile(modelId);
  if (!existsSync(file))
    return { confidence: defaultConfidenceThresholds, noAnswer: defaultNoAnswerThresholds };
  const parsed = calibrationSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success) throw new Error(`invalid calibration in ${file}: ${parsed.error.issues[0]?.message}`);
  return {
    confidence: parsed.data.confidence,
    noAnswer: { ...defaultNoAnswerThresholds, ...parsed.data.noAnswer },
  };
}
