/**
 * An incremental reader for `text/event-stream` bodies. `EventSource` can only GET, and the chat
 * endpoint takes a POST body, so the widget reads the stream with fetch and parses it here.
 * Follows the WHATWG event-stream rules: any line ending, `field: value` lines, comments,
 * multi-line data joined with "\n", dispatch on a blank line, an unfinished event dropped at the end.
 */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

export class SseParser {
  private buffer = "";
  private eventType = "";
  private data: string[] = [];
  private id: string | undefined;
  private sawField = false;

  /** Feeds decoded text; returns the events it completed. */
  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const events: SseEvent[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (!match) break;
      // A lone "\r" at the end may be the first half of "\r\n": wait for more text.
      if (match[0] === "\r" && match.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const event = this.readLine(line);
      if (event) events.push(event);
    }
    return events;
  }

  /** The stream ended: a trailing event without its blank line is incomplete and dropped. */
  end(): SseEvent[] {
    this.buffer = "";
    this.reset();
    return [];
  }

  private readLine(line: string): SseEvent | undefined {
    if (line === "") {
      if (!this.sawField) return undefined;
      const event: SseEvent = {
        event: this.eventType || "message",
        data: this.data.join("\n"),
        ...(this.id !== undefined ? { id: this.id } : {}),
      };
      this.reset();
      return event;
    }
    if (line.startsWith(":")) return undefined;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event":
        this.eventType = value;
        this.sawField = true;
        break;
      case "data":
        this.data.push(value);
        this.sawField = true;
        break;
      case "id":
        if (!value.includes("\u0000")) this.id = value;
        break;
      default:
        // `retry` and unknown fields do not concern a one-shot POST stream.
        break;
    }
    return undefined;
  }

  private reset(): void {
    this.eventType = "";
    this.data = [];
    this.sawField = false;
  }
}
