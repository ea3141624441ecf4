import { describe, expect, it } from "vitest";
import { createGuardEngine, loadGuardConfig } from "../../../src/guard/index.ts";

/** input.privacy by its patterns alone (the exemplar rule off): other people's data, not one's own. */
const guard = createGuardEngine({ config: loadGuardConfig(undefined), exemplars: false });
const ruleFor = (text: string) => guard.checkInput(text, { course: "aie101" }).refusal?.rule;

describe("input.privacy", () => {
  it("refuses requests for another student's contact details, grades and schedule", () => {
    for (const text of [
      "What's Jenna Park's email address?",
      "what did my lab partner get on the midterm",
      "when is Maria's class schedule on tuesdays, i wanna wait for her",
      "where does my classmate Tom live",
      "where does Tom live?",
      "where is that guy from my lab staying",
    ]) {
      expect(ruleFor(text), text).toBe("input.privacy");
    }
  });

  it("passes questions about privacy and about one's own record", () => {
    for (const text of [
      "What counts as PII under the course policy?",
      "What grade did I get on the midterm?",
      "how do I anonymise student records before training?",
      "where does the model live once it is deployed?",
      "Where do the embeddings live in a RAG system?",
    ]) {
      expect(ruleFor(text), text).toBeUndefined();
    }
  });

  it("can be switched off", () => {
    const off = createGuardEngine({
      config: { version: 1, defaults: { rules: { "input.privacy": { enabled: false } } }, courses: {} },
      exemplars: false,
    });
    expect(off.checkInput("What's Jenna Park's email address?", { course: "aie101" }).refusal?.rule).not.toBe(
      "input.privacy",
    );
  });
});
