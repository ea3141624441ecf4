import { describe, expect, it } from "vitest";
import { decodeEntities } from "../../src/text/entities.ts";

describe("decodeEntities", () => {
  it("decodes named, decimal and hex references", () => {
    expect(decodeEntities("a &amp; b &lt;c&gt; &mdash; &#8805; &#x3B1; &hellip;")).toBe("a & b <c> — ≥ α …");
  });

  it("leaves unknown names and invalid code points alone", () => {
    expect(decodeEntities("&bogus; &#0; &#xD800; AT&T")).toBe("&bogus; &#0; &#xD800; AT&T");
  });
});
