import { readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../src/app/config.ts";

/** Course questions from the test fixtures: realistic queries the bundled course can answer. */
export function benchQueries(count: number): string[] {
  const fixtures = path.join(packageRoot, "tests", "fixtures");
  const retrieval = JSON.parse(readFileSync(path.join(fixtures, "retrieval-questions.json"), "utf8")) as {
    question: string;
  }[];
  const confidence = JSON.parse(readFileSync(path.join(fixtures, "confidence-questions.json"), "utf8")) as {
    calibration: { on_topic: string[] };
    held_out: { on_topic: string[] };
  };
  const distinct = [
    ...new Set([
      ...retrieval.map((r) => r.question),
      ...confidence.calibration.on_topic,
      ...confidence.held_out.on_topic,
    ]),
  ];
  return Array.from({ length: count }, (_, i) => distinct[i % distinct.length] as string);
}
