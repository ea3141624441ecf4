import { describe, expect, it } from "vitest";
import {
  escapeMrkdwn,
  markdownToMrkdwn,
  mrkdwnLink,
  slackTextToPlain,
} from "../../../src/surfaces/slack/mrkdwn.ts";

describe("markdown → Slack mrkdwn", () => {
  it("escapes Slack's control characters so answers cannot ping channels or forge links", () => {
    expect(escapeMrkdwn("a < b && c > d")).toBe("a &lt; b &amp;&amp; c &gt; d");
    expect(markdownToMrkdwn("Ping <!channel> and <https://evil.example|click>")).toBe(
      "Ping &lt;!channel&gt; and &lt;https://evil.example|click&gt;",
    );
  });

  it("converts bold, italics, headings, lists and links", () => {
    const md =
      "# Drift\n\n**Data drift** is *input* change.\n- one\n- two\nSee [week 7](https://x.test/w7?a=1&b=2).";
    expect(markdownToMrkdwn(md)).toBe(
      "*Drift*\n\n*Data drift* is _input_ change.\n• one\n• two\nSee <https://x.test/w7?a=1&amp;b=2|week 7>.",
    );
  });

  it("leaves code alone apart from escaping", () => {
    expect(markdownToMrkdwn("Run `a **b** < c` then\n```\nx = *y*\n```")).toBe(
      "Run `a **b** &lt; c` then\n```\nx = *y*\n```",
    );
  });

  it("links only http(s) targets and keeps labels from ending the link early", () => {
    expect(mrkdwnLink("javascript:alert(1)", "x")).toBe("x");
    expect(mrkdwnLink("https://x.test/a|b>c", "A | B > C")).toBe("<https://x.test/a%7Cb%3Ec|A ¦ B &gt; C>");
  });
});

describe("Slack message text → the student's question", () => {
  it("drops mentions, decodes entities and unwraps references", () => {
    expect(slackTextToPlain("<@UTUTORBOT> what is data drift &amp; how do I spot it?")).toBe(
      "what is data drift & how do I spot it?",
    );
    expect(slackTextToPlain("<@U1|ana> see <#C42|week-7> and <https://x.test|this page> &lt;3")).toBe(
      "see #week-7 and this page <3",
    );
    expect(slackTextToPlain("  <@UTUTORBOT>  ")).toBe("");
  });
});
