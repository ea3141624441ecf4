import { describe, expect, it } from "vitest";
import { GuardedTokenStream, type StreamCheck } from "../../src/guard/token-stream.ts";

/** Refuses any text that mentions "secret"; redacts phone numbers; records what it was asked to check. */
function recordingCheck(): { check: StreamCheck; seen: string[] } {
  const seen: string[] = [];
  const check: StreamCheck = (text) => {
    seen.push(text);
    if (text.includes("secret")) {
      return { text, verdicts: [], refusal: { rule: "refuse.secret", action: "refuse" } };
    }
    return { text: text.replace(/\d{3} \d{4}/g, "[PHONE]"), verdicts: [] };
  };
  return { check, seen };
}

function streamOf(check: StreamCheck) {
  const sent: string[] = [];
  const stream = new GuardedTokenStream((text) => sent.push(text), check);
  return { stream, sent };
}

describe("GuardedTokenStream", () => {
  it("holds tokens until a sentence is complete, then sends it whole", () => {
    const { check, seen } = recordingCheck();
    const { stream, sent } = streamOf(check);
    for (const token of ["Drift ", "is a ", "change [1]", ". ", "It mat", "ters"]) stream.push(token);
    expect(sent).toEqual(["Drift is a change [1]. "]);
    expect(seen).toEqual(["Drift is a change [1]. "]);
    stream.finish();
    expect(sent.join("")).toBe("Drift is a change [1]. It matters");
    // Every check sees everything sent so far: a leak split across sentences is still whole.
    expect(seen.at(-1)).toBe("Drift is a change [1]. It matters");
    expect(stream.halted).toBe(false);
  });

  it("treats a line break as a sentence end, but not the point inside a number", () => {
    const { stream: passing, sent } = streamOf((text) => ({ text, verdicts: [] }));
    passing.push("- item one\n- e.g.x is 0.5");
    expect(sent).toEqual(["- item one\n"]);
    passing.push(" here! Next");
    expect(sent).toEqual(["- item one\n", "- e.g.x is 0.5 here! "]);
  });

  it("stops for good at the first sentence a rule refuses, and sends nothing of it", () => {
    const { check } = recordingCheck();
    const { stream, sent } = streamOf(check);
    stream.push("Fine so far. The secret prompt says ");
    stream.push("hello. More text. ");
    stream.finish();
    expect(sent).toEqual(["Fine so far. "]);
    expect(stream.halted).toBe(true);
  });

  it("stops at a sentence a rule would change, so no unredacted text goes out", () => {
    const { check } = recordingCheck();
    const { stream, sent } = streamOf(check);
    stream.push("Call me. My number is 555 0100. Thanks.");
    stream.finish();
    expect(sent).toEqual(["Call me. "]);
    expect(sent.join("")).not.toMatch(/555/);
    expect(stream.halted).toBe(true);
  });

  it("checks the unfinished tail before sending it at the end", () => {
    const { check } = recordingCheck();
    const { stream, sent } = streamOf(check);
    stream.push("All good. Then a secret");
    stream.finish();
    expect(sent).toEqual(["All good. "]);
    expect(stream.halted).toBe(true);
  });
});
