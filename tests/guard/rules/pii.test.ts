import { describe, expect, it } from "vitest";
import {
  defaultPiiOptions,
  findPii,
  luhnValid,
  piiInputRule,
  piiOutputRule,
  withoutPersonalDetails,
} from "../../../src/guard/rules/pii.ts";
import { chunk } from "../chunks.ts";

const input = piiInputRule();
const redact = (text: string) => input.check(text, { course: "c" });

describe("input.pii", () => {
  it.each([
    ["write to ana.lee@uni.example.org today", "write to [EMAIL] today", "email"],
    ["mail dana (at) example (dot) org", "mail [EMAIL]", "email"],
    ["call +44 7700 900123 now", "call [PHONE] now", "phone"],
    ["text me on (415) 555-0132", "text me on [PHONE]", "phone"],
    ["my phone is 0049 30 1234567", "my phone is [PHONE]", "phone"],
    ["student id: 20931877", "student id: [STUDENT_ID]", "student_id"],
    ["I'm S1234567", "I'm [STUDENT_ID]", "student_id"],
    ["card 4111 1111 1111 1111 ok", "card [CARD] ok", "card"],
    ["ssn 123-45-6789", "ssn [SSN]", "ssn"],
  ])("redacts %j", (text, redacted, kind) => {
    const verdict = redact(text);
    expect(verdict.action).toBe("redact");
    expect(verdict.text).toBe(redacted);
    expect(verdict.details).toMatchObject({ kinds: kind, count: 1 });
  });

  it("finds values hidden with zero-width characters and full-width digits", () => {
    expect(redact("kw\u200Bong@outlook.com").text).toBe("[EMAIL]");
    expect(redact("call ＋１ ２１２ ５５５ ０１９９").text).toBe("call [PHONE]");
  });

  it.each([
    "What changed between 2024-09-01 and 2024-10-01?",
    "Is a PSI of 0.25 0.3 or 0.1 significant?",
    "Python 3.11.4 or 3.12?",
    "lectures run 10:00-11:20 in room 2.14",
    "Weeks 1-6, about 30 percent; 20 questions worth 20 points",
    "the 2023-2024 cohort used 512-d vectors and k=60",
    "an order number 1234567890123 that fails the Luhn check",
  ])("leaves ordinary numbers alone: %j", (text) => {
    expect(redact(text).action).toBe("allow");
  });

  it("checks card numbers with the Luhn algorithm", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
  });

  it("uses a course's own student ID format", () => {
    const rule = piiInputRule({ ...defaultPiiOptions, studentIdPatterns: ["\\bAIE-?\\d{6}\\b"] });
    expect(rule.check("ID AIE-204518 here", { course: "c" }).text).toBe("ID [STUDENT_ID] here");
  });

  it("redacts every value and reports the kinds, never the values", () => {
    const verdict = redact("ana@x.org, +1 212 555 0199 and ana@x.org");
    expect(verdict.text).toBe("[EMAIL], [PHONE] and [EMAIL]");
    expect(JSON.stringify(verdict.details)).toBe('{"kinds":"email,phone","count":3}');
  });

  it("handles pastes far over the size limit (they are stored redacted too)", () => {
    const paste = `${"a.".repeat(16_000)} ana@x.org ${"1".repeat(30_000)}`;
    const verdict = redact(paste);
    expect(verdict.text).toContain(" [EMAIL] ");
    expect(verdict.text).not.toContain("ana@x.org");
  });

  it("orders matches without overlaps", () => {
    const matches = findPii("a@b.co 4111111111111111");
    expect(matches.map((m) => m.kind)).toEqual(["email", "card"]);
  });
});

describe("output.pii", () => {
  const rule = piiOutputRule();
  const notes = chunk("1", "Mail ana.lee@example.org or call +1 555 010 7788 for the example.");

  it("keeps values the course material itself publishes", () => {
    const verdict = rule.check("The notes redact ana.lee@example.org and +1 555 010 7788 [1].", {
      course: "c",
      chunks: [notes],
    });
    expect(verdict.action).toBe("allow");
  });

  it("redacts values that did not come from the material", () => {
    const verdict = rule.check("Email the TA at tom@gmail.com [1].", { course: "c", chunks: [notes] });
    expect(verdict.action).toBe("redact");
    expect(verdict.text).toBe("Email the TA at [EMAIL] [1].");
  });
});

describe("withoutPersonalDetails", () => {
  it("drops sentences that only carried personal details, keeping the question", () => {
    expect(withoutPersonalDetails("My email is [EMAIL] and my phone [PHONE]. What is model drift?")).toBe(
      "What is model drift?",
    );
    expect(withoutPersonalDetails("Can [STUDENT_ID] switch lab sections?")).toBe("Can switch lab sections?");
    expect(withoutPersonalDetails("What is model drift?")).toBe("What is model drift?");
  });

  it.each([
    ["text my phone 312.555.0175 later", "text my phone [PHONE] later"],
    ["my social security number is 219 09 9999", "my social security number is [SSN]"],
    ["I'm reachable at my desk or 3125550175", "I'm reachable at my desk or [PHONE]"],
  ])("redacts %j as written, whatever the separators", (text, redacted) => {
    expect(redact(text)).toMatchObject({ action: "redact", text: redacted });
  });

  it.each([
    "Upgrade from 3.11.4 to 3.12.1?",
    "Call the function with 1 000 000 rows?",
    "call it 2 500 000 times",
  ])("leaves %j alone", (text) => {
    expect(redact(text).action).toBe("allow");
  });
});
