import { describe, expect, it } from "vitest";
import { SseParser } from "../../../../src/surfaces/widget/client/sse.ts";

const STREAM =
  'event: meta\ndata: {"sessionId":"s1"}\n\n' +
  ": keep-alive comment\n\n" +
  'event: token\ndata: {"text":"Drift "}\n\n' +
  'event: token\r\ndata: {"text":"is décline"}\r\n\r\n' +
  "event: note\rdata: first\rdata:second\r\r" +
  "data: no event name\n\n" +
  'event: done\ndata: {"ok":true}\n\n';

const EXPECTED = [
  { event: "meta", data: '{"sessionId":"s1"}' },
  { event: "token", data: '{"text":"Drift "}' },
  { event: "token", data: '{"text":"is décline"}' },
  { event: "note", data: "first\nsecond" },
  { event: "message", data: "no event name" },
  { event: "done", data: '{"ok":true}' },
];

describe("SseParser", () => {
  it("reads events with any line ending, comments and multi-line data", () => {
    const parser = new SseParser();
    expect(parser.push(STREAM)).toEqual(EXPECTED);
  });

  it("gives the same events however the stream is cut into chunks", () => {
    for (let cut = 1; cut < STREAM.length; cut++) {
      const parser = new SseParser();
      const events = [...parser.push(STREAM.slice(0, cut)), ...parser.push(STREAM.slice(cut))];
      expect(events, `cut at ${cut}`).toEqual(EXPECTED);
    }
    const parser = new SseParser();
    const oneByOne = [...STREAM].flatMap((ch) => parser.push(ch));
    expect(oneByOne).toEqual(EXPECTED);
  });

  it("drops an event the stream ended before finishing", () => {
    const parser = new SseParser();
    expect(parser.push('event: token\ndata: {"text":"a"}\n\nevent: done\ndata: {"half')).toEqual([
      { event: "token", data: '{"text":"a"}' },
    ]);
    expect(parser.end()).toEqual([]);
  });

  it("keeps the last event id and ignores fields it does not know", () => {
    const parser = new SseParser();
    expect(parser.push("id: 7\nretry: 100\nfoo: bar\ndata: x\n\ndata: y\n\n")).toEqual([
      { event: "message", data: "x", id: "7" },
      { event: "message", data: "y", id: "7" },
    ]);
  });
});
