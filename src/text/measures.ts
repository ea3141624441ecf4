/**
 * The measure a "how <adjective>" question asks about: "how big" asks for a size, "how often" for
 * a frequency. Course material names the measure ("chunk size"), rarely the adjective.
 */
const MEASURES: Record<string, readonly string[]> = {
  big: ["size"],
  bigger: ["size"],
  large: ["size"],
  larger: ["size"],
  small: ["size"],
  smaller: ["size"],
  huge: ["size"],
  tiny: ["size"],
  long: ["length", "duration"],
  longer: ["length", "duration"],
  short: ["length"],
  fast: ["speed", "latency"],
  faster: ["speed", "latency"],
  quick: ["speed", "latency"],
  quickly: ["speed", "latency"],
  slow: ["speed", "latency"],
  often: ["frequency"],
  frequently: ["frequency"],
  heavy: ["weight"],
  expensive: ["cost"],
  cheap: ["cost"],
  costly: ["cost"],
  accurate: ["accuracy"],
  reliable: ["reliability"],
  deep: ["depth"],
  wide: ["width"],
  old: ["age"],
  far: ["distance"],
};

const HOW_ADJECTIVE = /\bhow\s+([a-z]+)\b/gi;

export interface AskedMeasure {
  /** The words as asked ("how big"). */
  phrase: string;
  adjective: string;
  /** Nouns naming the measure, most likely first. */
  nouns: readonly string[];
}

/** Every "how <adjective>" of the text whose adjective names a measure. */
export function askedMeasures(text: string): AskedMeasure[] {
  const asked: AskedMeasure[] = [];
  for (const match of text.matchAll(HOW_ADJECTIVE)) {
    const adjective = (match[1] as string).toLowerCase();
    const nouns = MEASURES[adjective];
    if (nouns) asked.push({ phrase: match[0], adjective, nouns });
  }
  return asked;
}
