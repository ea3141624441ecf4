/** What a sentence-like unit is: prose is split on punctuation, the rest is taken whole. */
export type SentenceKind = "prose" | "item" | "row" | "code" | "heading";

/** One sentence-like unit and the stretch of the source text it came from. */
export interface SentenceSpan {
  /** The sentence: whitespace collapsed and list markers removed; code keeps its lines. */
  text: string;
  /** Offset in the source where the unit starts, including any list marker, label or fence. */
  start: number;
  /** Offset just past the unit's end; between spans lies only whitespace or a table rule row. */
  end: number;
  kind: SentenceKind;
  /** A heading or label that belongs with the unit after it: keep them in one chunk. */
  joinsNext?: boolean;
}

/** One line of the source, without its line break. */
export interface Line {
  start: number;
  end: number;
  text: string;
}

/** A unit while the text is read, before labels are attached to what they introduce. */
export interface Unit extends SentenceSpan {
  /** A heading or label line that belongs with the unit after it. */
  attachNext: boolean;
}
