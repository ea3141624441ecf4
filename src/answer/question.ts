/**
 * What a question asks for, read from its wording: a definition, an acronym's expansion, a
 * comparison of two things, the steps of a procedure, a reason, a quantity or a date, a yes or a
 * no, or something else. The extractive answerer composes its answer for the shape, and the LLM
 * prompt names it, so the answer leads with what was asked.
 */
export const QUESTION_TYPES = [
  "definition",
  "acronym",
  "comparison",
  "procedure",
  "cause",
  "quantity",
  "yesno",
  "other",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface QuestionShape {
  type: QuestionType;
  /**
   * The defined term, the acronym, the compared sides (two or more), or what "how does X work"
   * asks about; empty when not found.
   */
  subjects: string[];
  /** Quantity questions: a date or time ("when is it due") or a number ("how many"). */
  wants?: "time" | "number";
  /** Where a defined term is asked about: "transformers" in "what is attention in transformers". */
  setting?: string;
}

/** Student shorthand spelled out, so one set of patterns reads "whats the diff btw X and Y". */
function normalise(question: string): string {
  return ` ${question} `
    .replace(/[“”"]/g, "")
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, " ")
    .replace(/\bwhat'?s\b/gi, "what is")
    .replace(/\bhow'?s\b/gi, "how is")
    .replace(/\bdiffs?\b(?= (?:between|btw|among|of)\b)/gi, "difference")
    .replace(/\bbtw\b/gi, "between")
    .replace(/\b(vs\.?|v\.)(?=\s)/gi, "versus")
    .replace(/\b(u)\b/gi, "you")
    .trim()
    .replace(/[?!.\s]+$/, "");
}

// A subject ends where a second question begins ("what is drift and how do I detect it").
const SUBJECT_END = new RegExp(
  "\\s+(?:(?:and|or|,)\\s+(?:how|why|when|what|which|where|who|is|are|do|does|can|should)\\b|" +
    // "precision vs recall whats the difference": the question comes last.
    "(?:what|how) is the (?:difference|deal)\\b).*$",
  "i",
);
const LEADING_ARTICLE = /^(?:an?|the)\s+/i;

function cleanSubject(text: string | undefined): string {
  return (text ?? "")
    .replace(SUBJECT_END, "")
    .replace(/\s+(?:exactly|again|mean|actually|really)$/i, "")
    .replace(LEADING_ARTICLE, "")
    .replace(/^[\s,:;'-]+|[\s,:;'-]+$/g, "")
    .trim();
}

const ACRONYM = /^[A-Z][A-Za-z0-9&/-]*[A-Z0-9]s?$/;
const looksLikeAcronym = (text: string) => ACRONYM.test(text) && text.replace(/[^A-Z]/g, "").length >= 2;

const STAND_FOR = [
  /\bwhat (?:does|do|did) (\S+) (?:stand for|abbreviate|short for)\b/i,
  /\bwhat is (\S+) (?:short for|an abbreviation (?:of|for)|an acronym (?:of|for))\b/i,
  /\b(?:expand|spell out|full form of|long form of|acronym) (\S+)/i,
  /^(\S+) stands? for\b/i,
];

const COMPARISON_SIDES = [
  /\bdifferences? between (.+?) and (.+)$/i,
  /\b(?:compare|comparing|contrast|distinguish) (.+?) (?:and|with|to|from|versus) (.+)$/i,
  /\bhow (?:does|do|is|are) (.+?) (?:differ|different|compare|contrast) (?:from|to|with) (.+)$/i,
  /^(?:what is |what are )?(.+?) versus (.+)$/i,
  /\b(?:should i use|which is better|when to use|when should i use|better to use) (.+?) or (.+)$/i,
  /^(.+?) (?:and|or) (.+?) (?:differ|difference)/i,
];
const COMPARISON =
  /\b(differences?|differ|different (?:from|than)|compare|comparison|contrast|versus|distinguish)\b/i;

const CAUSE =
  /^(?:why\b|how come\b)|\bwhy$|\bwhat (?:is|are) the (?:reasons?|purpose|point|motivation)\b|\bwhat causes\b/i;
const TIME = new RegExp(
  "^(?:when(?! should| would| to\\b| \\w+ing\\b)|by when|until when|what time|what day|what date|which day|" +
    "which week)\\b|\\b(?:deadline|due date|due(?! to)|dates?)\\b",
  "i",
);
const NUMBER = new RegExp(
  "^how (?:many|much|long|big|large|small|often|far|old|fast|high|low|wide)\\b|\\b(?:what|which) " +
    "(?:percent(?:age)?|size|value|number|weight|share|fraction|ratio|threshold|default)\\b|\\bworth\\b",
  "i",
);
// Asked with "what"/"which" around a measure: "what is the minimum percentage for an A".
const MEASURE =
  /^(?:what|which)\b.*\b(?:minimum|maximum|percentage|percent|ratio|cost|price|throughput|how many|how much)\b/i;
/** "get rebuilt", "get chosen", "get sent": the passive with "get" and any participle. */
const GET_PASSIVE = "get [a-z]+(?:ed|en|wn|lt|pt|nt|ght|it|ut|et)";
const MECHANISM = new RegExp(
  `^how (?:is|are|does|do|was|were) .+ (?:${GET_PASSIVE}|computed|calculated|built|made|implemented|done|measured|detected|` +
    "set up|configured|chosen|estimated|trained|work|decide|increase|implement)\\b",
  "i",
);
const PROCEDURE = new RegExp(
  "^(?:how (?:do|can|should|would|could|might) (?:i|we|you|one|they|students)\\b(?! (?:know|tell))|how to\\b|" +
    "what are the steps\\b|steps (?:to|for)\\b|walk me through\\b|what is the (?:process|procedure) " +
    "(?:for|to|of)\\b|what should (?:i|we) do\\b)|\\bstep[- ]by[- ]step\\b",
  "i",
);
// What a "how does X work" question asks about: the mechanism's subject. The verbs are those
// that say X acts on its own ("how do triggers fire"), so nothing after them is X's object.
const MECHANISM_VERBS = [
  ...["work", "function", "operate", "behave", "fire", "run", "execute", "happen", "start", "fail"],
  ...["propagate", "spread", "converge", "scale"],
  GET_PASSIVE,
];
const WORKS = new RegExp(`^how (?:does|do|is|are|did) (.+) (?:${MECHANISM_VERBS.join("|")})\\b`, "i");
/** "how do I get started": the asker, not a concept. */
const PERSON = /^(?:i|we|you|they|one|students?|people|someone|anyone)$/i;
const worksSubject = (text: string) => {
  const subject = cleanSubject(WORKS.exec(text)?.[1]);
  return PERSON.test(subject) ? "" : subject;
};
const YES_NO =
  /^(?:is|are|can|could|do|does|did|should|will|would|may|must|am|was|were|has|have|had|shall)\b/i;
const DEFINITION = [
  /^what (?:is|are|was|were) (.+)$/i,
  /^what (?:does|do) (.+?) mean$/i,
  /^what (?:do|does) (?:you|we|they|the notes?|the course) mean by (.+)$/i,
  /^(?:define|definition of|meaning of|explain|describe|tell me about) (.+)$/i,
  /^(.+?) (?:meaning|definition)$/i,
];

function acronymShape(text: string): QuestionShape | null {
  for (const pattern of STAND_FOR) {
    const subject = cleanSubject(pattern.exec(text)?.[1]);
    if (subject) return { type: "acronym", subjects: [subject] };
  }
  return null;
}

function comparisonShape(text: string): QuestionShape | null {
  if (!COMPARISON.test(text) && !/\b(?:or)\b/i.test(text)) return null;
  for (const pattern of COMPARISON_SIDES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const sides = [cleanSubject(match[1]), cleanSubject(match[2])].filter((s) => s !== "");
    if (sides.length === 2) return { type: "comparison", subjects: sides };
  }
  return COMPARISON.test(text) ? { type: "comparison", subjects: [] } : null;
}

// A term of up to three words, then the setting it is asked about in: "window functions in sql".
const SETTING = /^((?!the\b|an?\b)[\w-]+(?:\s+[\w-]+){0,2}?)\s+(?:in|within|inside)\s+\S/i;

function definitionShape(text: string): QuestionShape | null {
  for (const pattern of DEFINITION) {
    const asked = cleanSubject(pattern.exec(text)?.[1]);
    // "What is attention in transformers" asks to define attention, in a setting.
    const setting = SETTING.exec(asked);
    const subject = setting?.[1] ?? asked;
    // "What is the default level of a pino logger" asks for a fact, not a definition.
    if (!subject || subject.split(/\s+/).length > 5 || /\b(?:of|for|in|on)\b/i.test(subject)) continue;
    if (/^(?:it|this|that|these|those|the (?:best|right|difference))\b/i.test(subject)) continue;
    if (looksLikeAcronym(subject) && /\bmean$/i.test(text)) return { type: "acronym", subjects: [subject] };
    const place = setting ? asked.slice(setting[0].length - 1) : "";
    return { type: "definition", subjects: [subject], ...(place ? { setting: place } : {}) };
  }
  return null;
}

/**
 * The concepts a question names: its shape's subjects and, for "what is X in Y" (which asks a
 * definition in a setting, not one of the shapes), X in Y. `absentSubject` reads the concept's
 * head from these.
 */
export function namedConcepts(question: string): string[] {
  const shape = classifyQuestion(question);
  if (shape.subjects.length > 0 || shape.type !== "other") return shape.subjects;
  const text = normalise(question);
  const works = worksSubject(text);
  if (works) return [works];
  for (const pattern of DEFINITION) {
    const subject = cleanSubject(pattern.exec(text)?.[1]);
    if (subject && /\s(?:in|on|for|with|within|inside|using)\s/i.test(subject)) return [subject];
  }
  return [];
}

/** The shape of a question, from its wording alone. */
export function classifyQuestion(question: string): QuestionShape {
  const text = normalise(question);
  if (CAUSE.test(text) && !/^what is the difference\b/i.test(text)) return { type: "cause", subjects: [] };
  const shaped = acronymShape(text) ?? comparisonShape(text);
  if (shaped) return shaped;
  if ((PROCEDURE.test(text) || MECHANISM.test(text)) && !NUMBER.test(text)) {
    const subject = worksSubject(text);
    return { type: "procedure", subjects: subject ? [subject] : [] };
  }
  if (TIME.test(text)) return { type: "quantity", subjects: [], wants: "time" };
  if (NUMBER.test(text) || MEASURE.test(text)) return { type: "quantity", subjects: [], wants: "number" };
  const definition = definitionShape(text);
  if (definition) return definition;
  if (YES_NO.test(text)) return { type: "yesno", subjects: [] };
  return { type: "other", subjects: [] };
}
