import type { GuardOutcome } from "./types.ts";

/** Checks the text streamed so far; see GuardEngine.checkStreamedOutput. */
export type StreamCheck = (text: string) => GuardOutcome;

// A sentence ends at . ! ? (with any closing quote or bracket after it) followed by space, or at
// a line break. "[1]." ends a sentence; "3.5" and "e.g.x" do not.
const SENTENCE_END = /[.!?]["')\]]*\s+|\n/g;

/** Where each complete sentence of `text` ends (just past its trailing space). */
function sentenceEnds(text: string): number[] {
  return [...text.matchAll(SENTENCE_END)].map((match) => match.index + match[0].length);
}

/**
 * Sits between an answerer's tokens and the client. Tokens are held until a sentence is
 * complete; the sentence goes out only if the sentence-level output rules (system-prompt leaks,
 * personal data), run over everything sent so far plus it, leave the text as it is. The first
 * sentence they would change or refuse stops the stream for good: the student never sees it, and
 * the final reply (the `done` event), checked by every output rule, carries what may be shown.
 */
export class GuardedTokenStream {
  private sent = "";
  private held = "";
  private stopped = false;

  constructor(
    private readonly send: (text: string) => void,
    private readonly check: StreamCheck,
  ) {}

  /** Whether a rule stopped the stream (the reply then differs from what was streamed). */
  get halted(): boolean {
    return this.stopped;
  }

  readonly push = (text: string): void => {
    if (this.stopped || text === "") return;
    this.held += text;
    // One sentence at a time, so a bad sentence in a burst does not hold back the good ones before it.
    let released = 0;
    for (const end of sentenceEnds(this.held)) {
      if (!this.release(this.held.slice(released, end))) return;
      released = end;
    }
    this.held = this.held.slice(released);
  };

  /** The answerer is done: what is still held goes out if it passes, as a last sentence. */
  finish(): void {
    if (!this.stopped && this.held !== "") this.release(this.held);
    this.held = "";
  }

  /** Sends `sentence` if the rules pass it after what was sent; otherwise stops the stream. */
  private release(sentence: string): boolean {
    const candidate = this.sent + sentence;
    const outcome = this.check(candidate);
    if (outcome.refusal || outcome.text !== candidate) {
      this.stopped = true;
      this.held = "";
      return false;
    }
    this.send(sentence);
    this.sent = candidate;
    return true;
  }
}
