import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  GuardConfigError,
  guardRuleIds,
  loadGuardConfig,
  parseGuardConfig,
  settingsForCourse,
} from "../../src/guard/config.ts";
import { createGuardEngine } from "../../src/guard/index.ts";

describe("guard configuration", () => {
  it("loads the shipped default and builds every rule from it", () => {
    const config = loadGuardConfig(undefined);
    const engine = createGuardEngine({ config });
    const ids = [...engine.ruleIds("aie101"), ...engine.ruleIds("another")];
    for (const id of guardRuleIds) expect(ids).toContain(id);
  });

  it("reads YAML as well as JSON, from the GUARD_CONFIG path", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "guard-"));
    const file = path.join(dir, "guard.yaml");
    await writeFile(
      file,
      [
        "version: 1",
        "courses:",
        "  ml200:",
        "    rules:",
        "      input.abuse:",
        "        enabled: false",
      ].join("\n"),
    );
    const engine = createGuardEngine({ config: loadGuardConfig(file) });
    expect(engine.ruleIds("ml200")).not.toContain("input.abuse");
    expect(engine.ruleIds("aie101")).toContain("input.abuse");
  });

  it("rejects unknown keys, bad thresholds and patterns that do not compile, naming the place", () => {
    const bad = (json: unknown) => () => parseGuardConfig(JSON.stringify(json), "guard.json");
    expect(bad({ version: 1, defaults: { rules: { "input.injecton": {} } } })).toThrow(
      /input\.injecton|Unrecognized/,
    );
    expect(bad({ version: 1, defaults: { rules: { "output.grounding": { minSupport: 2 } } } })).toThrow(
      /output\.grounding\.minSupport/,
    );
    expect(
      bad({ version: 1, defaults: { rules: { "input.injection": { extraPatterns: ["(unclosed"] } } } }),
    ).toThrow(/not a valid regular expression/);
    expect(bad({ version: 2 })).toThrow(GuardConfigError);
    expect(() => parseGuardConfig("{ nope", "guard.json")).toThrow(/cannot parse/);
    expect(() => loadGuardConfig("/nonexistent/guard.json")).toThrow(/cannot read/);
  });

  it("lays a course's overrides over the defaults: scalars replace, pattern lists add up", () => {
    const config = parseGuardConfig(
      JSON.stringify({
        version: 1,
        defaults: {
          rules: {
            "input.injection": { extraPatterns: ["\\bfoo\\b"] },
            "output.grounding": { minSupport: 0.6 },
          },
        },
        courses: {
          c1: {
            rules: {
              "input.injection": { extraPatterns: ["\\bbar\\b"] },
              "output.grounding": { minSupport: 0.8 },
            },
          },
        },
      }),
      "guard.json",
    );
    const settings = settingsForCourse(config, "c1");
    expect(settings["input.injection"]?.extraPatterns).toEqual(["\\bfoo\\b", "\\bbar\\b"]);
    expect(settings["output.grounding"]?.minSupport).toBe(0.8);
    expect(settingsForCourse(config, "other")["output.grounding"]?.minSupport).toBe(0.6);
  });

  it("applies extra patterns and refusal wording per course", () => {
    const config = parseGuardConfig(
      JSON.stringify({
        version: 1,
        courses: {
          c1: {
            rules: {
              "input.injection": { extraPatterns: ["\\bopen sesame\\b"], refusal: "Course one says no." },
              "input.academic_integrity": {
                gradedQuestions: [
                  "Explain why the PSI of the shifted income feature exceeds the alert threshold",
                ],
              },
            },
          },
        },
      }),
      "guard.json",
    );
    const engine = createGuardEngine({ config });
    const refusal = engine.checkInput("OPEN  SESAME please", { course: "c1" }).refusal;
    expect(refusal?.rule).toBe("input.injection");
    expect(refusal?.reason).toContain("Course one says no.");
    expect(engine.checkInput("open sesame", { course: "c2" }).refusal).toBeUndefined();
    const pasted = engine.checkInput(
      "why does the PSI of the shifted income feature exceed the alert threshold?",
      { course: "c1" },
    ).refusal;
    expect(pasted?.rule).toBe("input.academic_integrity");
    expect(pasted?.redirect).toBe("hint");
  });
});
