/** The views of one text that rules match against. */
export interface TextViews {
  /** NFKC, invisible characters removed, smuggled tag characters made visible: safe to store. */
  clean: string;
  /** Lower-case matching forms: folded, with markup stripped, with spacing tricks undone. */
  forms: string[];
  /** Letter-by-letter spelled runs ("i g n o r e") squashed into words, for phrase checks. */
  squashedRuns: string[];
  /** Payloads that were encoded (base64, hex, …) and decoded; non-empty means obfuscation. */
  decoded: DecodedPayload[];
}

export interface DecodedPayload {
  via: "base64" | "hex" | "binary" | "url" | "entities" | "rot13" | "reversed" | "unicode-tags";
  /** The decoded text, folded. */
  text: string;
  /** Matching forms of the decoded text, like `TextViews.forms`. */
  forms: string[];
}
