import type { TutorMode } from "../../core/chat.ts";
import { CitationRewriter, PromptPositionNumbering } from "./citation-markers.ts";
import { NOT_IN_MATERIAL } from "./prompt.ts";

export interface ShapedReply {
  /** What the student sees (exactly the text streamed to them). */
  visible: string;
  /** Quiz mode: the answer key the model wrote after its heading; empty otherwise. */
  key: string;
  /** The model said the sources do not cover the question. */
  notInMaterial: boolean;
  numbering: PromptPositionNumbering;
}

const KEY_HEADING = /^[\s#*_>]*(?:answer\s*key|answers|solutions)[\s*_:]*$/i;

/**
 * Turns the model's raw text, piece by piece, into what the student sees: leading whitespace
 * dropped, the "not in the material" reply recognised before any of it is shown, citation markers
 * renumbered, and in quiz mode the answer key split off (and never streamed).
 */
export class ReplyShaper {
  readonly numbering: PromptPositionNumbering;
  private readonly visibleMarkers: CitationRewriter;
  private readonly keyMarkers: CitationRewriter;
  private line = "";
  private inKey = false;
  private opening: "pending" | "answer" | "declined" = "pending";
  private pendingOpening = "";
  private visible = "";
  private key = "";

  constructor(
    sourceCount: number,
    private readonly mode: TutorMode,
  ) {
    this.numbering = new PromptPositionNumbering(sourceCount);
    this.visibleMarkers = new CitationRewriter(this.numbering);
    this.keyMarkers = new CitationRewriter(this.numbering);
  }

  /** Feeds raw model text; returns the text to show now (possibly empty). */
  push(text: string): string {
    if (this.mode !== "quiz") return this.toVisible(text);
    this.line += text;
    let out = "";
    let newline = this.line.indexOf("\n");
    while (newline !== -1) {
      out += this.routeLine(this.line.slice(0, newline + 1));
      this.line = this.line.slice(newline + 1);
      newline = this.line.indexOf("\n");
    }
    return out;
  }

  /** Ends the reply; returns the last text to show. */
  end(): string {
    let out = "";
    if (this.mode === "quiz" && this.line) {
      out += this.routeLine(this.line);
      this.line = "";
    }
    if (this.opening === "pending") out += this.releaseOpening();
    if (this.opening === "answer") {
      const tail = this.visibleMarkers.end().replace(/\s+$/, "");
      // Trailing whitespace already shown cannot be taken back; trimming only what is left keeps
      // the streamed text and the stored answer identical.
      out += tail;
      this.visible += tail;
    }
    this.key += this.keyMarkers.end();
    return out;
  }

  result(): ShapedReply {
    return {
      visible: this.visible,
      key: this.key.trim(),
      notInMaterial: this.opening === "declined",
      numbering: this.numbering,
    };
  }

  private routeLine(line: string): string {
    if (!this.inKey && KEY_HEADING.test(line.trim()) && line.trim() !== "") {
      this.inKey = true;
      return "";
    }
    if (this.inKey) {
      this.key += this.keyMarkers.push(line);
      return "";
    }
    return this.toVisible(line);
  }

  private toVisible(text: string): string {
    if (this.opening === "declined") return "";
    if (this.opening === "pending") {
      this.pendingOpening += text;
      const head = this.pendingOpening.trimStart();
      if (head.length === 0) return "";
      if (head.startsWith(NOT_IN_MATERIAL)) {
        this.opening = "declined";
        return "";
      }
      if (NOT_IN_MATERIAL.startsWith(head)) return "";
      return this.releaseOpening();
    }
    const out = this.visibleMarkers.push(text);
    this.visible += out;
    return out;
  }

  private releaseOpening(): string {
    this.opening = "answer";
    const head = this.pendingOpening.trimStart();
    this.pendingOpening = "";
    const out = this.visibleMarkers.push(head);
    this.visible += out;
    return out;
  }
}
