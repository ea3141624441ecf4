import { alternation, EMPTY, type Reading, repeat, sequence, someOf, UNKNOWN } from "./reading.ts";

/**
 * Anchor strings read from a pattern's source. The reader follows the syntax the guard's patterns use, in unicode mode: literals and escapes,
 * classes, groups and alternations, lookarounds (zero-width: they add nothing to a match), `\b`,
 * `^`, `$` and quantifiers. For every part it knows either the exact strings it can match (when
 * there are few) or a set of strings one of which any match contains.
 */

class Unsupported extends Error {}

// Escapes that stand for themselves (a literal character) in unicode mode.
const LITERAL_ESCAPES = new Set("^$\\.*+?()[]{}|/-'\"`~!@#%&=,;:<> ".split(""));
// Escapes that match one unknown character.
const CLASS_ESCAPES = new Set("sSwWdDnrtfv0".split(""));

// Half of a character outside the basic plane: unicode mode reads the pair as one character, which
// a quantifier or class takes whole; not followed.
const isSurrogate = (c: string | undefined) => c !== undefined && /[\uD800-\uDFFF]/.test(c);

/** Reads a pattern source written in unicode mode. */
class SourceReader {
  private i = 0;

  constructor(private readonly source: string) {}

  read(): Reading {
    const reading = this.alternatives();
    if (this.i !== this.source.length) throw new Unsupported("unbalanced");
    return reading;
  }

  private peek(): string | undefined {
    return this.source[this.i];
  }

  private alternatives(): Reading {
    const branches = [this.sequence()];
    while (this.peek() === "|") {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? (branches[0] as Reading) : alternation(branches);
  }

  private sequence(): Reading {
    const parts: Reading[] = [];
    for (let c = this.peek(); c !== undefined && c !== "|" && c !== ")"; c = this.peek()) {
      parts.push(this.quantified(this.atom()));
    }
    return sequence(parts);
  }

  private quantified(part: Reading): Reading {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === "?" || c === "*" || c === "+") {
      this.i++;
      [min, max] =
        c === "?" ? [0, 1] : c === "*" ? [0, Number.POSITIVE_INFINITY] : [1, Number.POSITIVE_INFINITY];
    } else if (c === "{") {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i));
      if (!braces) throw new Unsupported("brace");
      this.i += braces[0].length;
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Number.POSITIVE_INFINITY;
    } else {
      return part;
    }
    if (this.peek() === "?") this.i++;
    if (this.peek() === "?" || this.peek() === "*" || this.peek() === "+" || this.peek() === "{")
      throw new Unsupported("double quantifier");
    return repeat(part, min, max);
  }

  private atom(): Reading {
    const c = this.source[this.i++];
    if (isSurrogate(c)) throw new Unsupported("astral character");
    switch (c) {
      case "(":
        return this.group();
      case "[":
        return this.characterClass();
      case "\\":
        return this.escape();
      case ".":
        return UNKNOWN;
      case "^":
      case "$":
        return EMPTY;
      case "*":
      case "+":
      case "?":
      case "{":
      case "}":
      case "]":
      case undefined:
        throw new Unsupported(`unexpected ${c}`);
      default:
        return { exact: new Set([c]), some: null };
    }
  }

  private group(): Reading {
    const rest = this.source.slice(this.i, this.i + 4);
    let zeroWidth = false;
    if (rest.startsWith("?:")) this.i += 2;
    else if (rest.startsWith("?=") || rest.startsWith("?!")) {
      this.i += 2;
      zeroWidth = true;
    } else if (rest.startsWith("?<=") || rest.startsWith("?<!")) {
      this.i += 3;
      zeroWidth = true;
    } else if (rest.startsWith("?<")) {
      const end = this.source.indexOf(">", this.i);
      if (end < 0) throw new Unsupported("group name");
      this.i = end + 1;
    } else if (rest.startsWith("?")) throw new Unsupported("group kind");
    const inner = this.alternatives();
    if (this.source[this.i++] !== ")") throw new Unsupported("unclosed group");
    // A lookaround matches no characters of its own: the match holds none of its text.
    return zeroWidth ? EMPTY : inner;
  }

  /** A class: its characters when it lists a few plain ones ("[sz]"), else one unknown character. */
  private characterClass(): Reading {
    const start = this.i;
    const chars = new Set<string>();
    let plain = this.peek() !== "^";
    while (this.i < this.source.length && this.source[this.i] !== "]") {
      const c = this.source[this.i++] as string;
      if (isSurrogate(c)) throw new Unsupported("astral character");
      if (c === "\\") {
        const next = this.source[this.i++];
        if (next === undefined) throw new Unsupported("class escape");
        if (next === "p" || next === "P" || next === "u" || next === "x") this.skipEscapeBody(next);
        if (LITERAL_ESCAPES.has(next)) chars.add(next);
        else plain = false;
      } else if (c === "-" && this.i - 1 > start && this.source[this.i] !== "]") {
        plain = false;
      } else if (c === "[") {
        plain = false;
      } else {
        chars.add(c);
      }
    }
    if (this.source[this.i++] !== "]") throw new Unsupported("unclosed class");
    return plain && chars.size > 0 && chars.size <= 8 ? { exact: chars, some: null } : UNKNOWN;
  }

  private skipEscapeBody(kind: string): void {
    if (this.peek() === "{") {
      const end = this.source.indexOf("}", this.i);
      if (end < 0) throw new Unsupported("escape body");
      this.i = end + 1;
    } else if (kind === "u") this.i += 4;
    else if (kind === "x") this.i += 2;
    else throw new Unsupported("property escape");
  }

  private escape(): Reading {
    const c = this.source[this.i++];
    if (c === undefined) throw new Unsupported("trailing backslash");
    if (c === "b" || c === "B") return EMPTY;
    if (CLASS_ESCAPES.has(c)) return UNKNOWN;
    if (c === "p" || c === "P" || c === "u" || c === "x") {
      this.skipEscapeBody(c);
      return UNKNOWN;
    }
    if (LITERAL_ESCAPES.has(c)) return { exact: new Set([c]), some: null };
    // Back-references, control escapes and the rest: not followed, so no anchors at all.
    throw new Unsupported(`escape \\${c}`);
  }
}

/**
 * The anchor strings of a unicode-mode pattern: every match contains one of them. Undefined when
 * none is known (the pattern can match without any fixed text, or its syntax is not followed).
 */
export function anchorStrings(pattern: RegExp): string[] | undefined {
  if (!pattern.unicode || pattern.global || pattern.sticky) return undefined;
  try {
    const some = someOf(new SourceReader(pattern.source).read());
    if (!some || some.size === 0 || [...some].some((s) => s.length === 0)) return undefined;
    // "abc" in the text is enough to look further; "xabc" adds nothing.
    const strings = [...some];
    return strings.filter((s) => !strings.some((other) => other !== s && s.includes(other)));
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
