import { describe, expect, it } from "vitest";
import { redactForStorage } from "../../src/guard/index.ts";
import { piiInputRule } from "../../src/guard/rules/pii.ts";

describe("redactForStorage", () => {
  it("stores free text with the same placeholders a question gets", () => {
    const text =
      "Mail ana.lee@uni.example.org, call +44 7700 900123, card 4111 1111 1111 1111, ssn 123-45-6789.";
    const question = piiInputRule().check(text, { course: "c" });
    expect(redactForStorage(text)).toBe(question.text);
    expect(redactForStorage(text)).toBe("Mail [EMAIL], call [PHONE], card [CARD], ssn [SSN].");
  });

  it("finds values hidden with invisible characters, and stores the cleaned text", () => {
    expect(redactForStorage("kw\u200Bong@outlook.com")).toBe("[EMAIL]");
    expect(redactForStorage("thanks\u200B, that helped")).toBe("thanks, that helped");
  });

  it("follows a course's placeholders and student-ID formats, and leaves text alone when it turned the rule off", () => {
    const settings = { studentIdPatterns: ["\\bAIE-\\d{5}\\b"], placeholders: { email: "<email removed>" } };
    expect(redactForStorage("I am AIE-12345, ana@example.org", settings)).toBe(
      "I am [STUDENT_ID], <email removed>",
    );
    expect(redactForStorage("ana@example.org", { enabled: false })).toBe("ana@example.org");
  });
});
