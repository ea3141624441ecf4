import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/ingest/frontmatter.ts";

describe("parseFrontMatter", () => {
  it("splits valid front matter from the body and keeps every key in meta", () => {
    const source =
      '---\ntitle: "Week 3: Training"\nweek: 3\nurl: /course/aie101/week-03\ntags: [metrics, loss]\n---\n\n# Week 3\n';
    const { frontMatter, body, warning } = parseFrontMatter(source);
    expect(frontMatter.title).toBe("Week 3: Training");
    expect(frontMatter.week).toBe(3);
    expect(frontMatter.url).toBe("/course/aie101/week-03");
    expect(frontMatter.meta).toEqual({
      title: "Week 3: Training",
      week: 3,
      url: "/course/aie101/week-03",
      tags: ["metrics", "loss"],
    });
    expect(body).toBe("\n# Week 3\n");
    expect(warning).toBeUndefined();
  });

  it("accepts a numeric string week and a byte-order mark", () => {
    const { frontMatter, warning } = parseFrontMatter('\uFEFF---\nweek: "07"\n---\nBody');
    expect(frontMatter.week).toBe(7);
    expect(warning).toBeUndefined();
  });

  it("returns the body, empty meta and a warning for broken YAML instead of throwing", () => {
    const source = "---\ntitle: [unclosed\nweek: 3\n---\nThe body survives.\n";
    const result = parseFrontMatter(source);
    expect(result.body).toBe("The body survives.\n");
    expect(result.frontMatter).toEqual({ meta: {} });
    expect(result.warning).toMatch(/not valid YAML/);
  });

  it("drops only the invalid fields, with a warning naming them", () => {
    const { frontMatter, warning } = parseFrontMatter("---\ntitle: Fine\nweek: 99\n---\nBody");
    expect(frontMatter.title).toBe("Fine");
    expect(frontMatter.week).toBeUndefined();
    expect(frontMatter.meta).not.toHaveProperty("week");
    expect(warning).toMatch(/week/);
  });

  it("rejects non-integer and non-numeric weeks", () => {
    expect(parseFrontMatter("---\nweek: 2.5\n---\n").frontMatter.week).toBeUndefined();
    expect(parseFrontMatter("---\nweek: three\n---\n").frontMatter.week).toBeUndefined();
  });

  it("leaves text without front matter untouched", () => {
    const source = "# Title\n\n---\n\nMore text\n";
    expect(parseFrontMatter(source)).toEqual({ frontMatter: { meta: {} }, body: source });
  });

  it("does not mistake a slide separator around a heading for front matter", () => {
    const source = "---\n# First slide\n---\n## Second slide\n";
    expect(parseFrontMatter(source).body).toBe(source);
  });

  it("treats an unclosed opening fence as ordinary text", () => {
    const source = "---\ntitle: never closed\n";
    expect(parseFrontMatter(source)).toEqual({ frontMatter: { meta: {} }, body: source });
  });
});
