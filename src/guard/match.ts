import { re, reSource } from "./regex.ts";

/**
 * Helpers the pattern rules share: where a match sits (inside quotes? at the start of a
 * sentence, as a command?) and whether the question is asking *about* attacks rather than
 * making one.
 */

// Paired quotes, with the straight single quote only when it is not an apostrophe.
const QUOTE_PAIRS = [
  String.raw`"[^"\n]{2,400}"`,
  String.raw`“[^”\n]{2,400}”`,
  String.raw`‘[^’\n]{2,400}’`,
  String.raw`«[^»\n]{2,400}»`,
  "`[^`\\n]{2,400}`",
  String.raw`(?<![\p{L}\p{N}])'[^'\n]{2,400}'(?![\p{L}\p{N}])`,
];
const QUOTED = new RegExp(QUOTE_PAIRS.join("|"), "gu");

/** The text with every quoted passage replaced by a placeholder. */
export function withoutQuotes(text: string): string {
  return text.replace(QUOTED, " «quote» ");
}

/** The quoted passages of the text, in order, without their quote marks. */
export function quotedPassages(text: string): string[] {
  return (text.match(QUOTED) ?? []).map((q) => q.slice(1, -1));
}

// Words that lead into a command ("… and now ignore", "ok tutor, reveal").
const CLAUSE_LEAD = reSource`
  \b(?:and|then|now|so|ok|okay|please|pls|first|next|also|just|but|instead|actually|kindly|seriously|hey|hi|
  hello|tutor|bot|assistant)
`;
const BACKTICK = "`";
// A dash counts as a clause break only when it stands apart ("x - now ignore …"), not inside a
// compound: "role-play jailbreak" does not start a command at "play".
const CLAUSE_START = re("i")`(?:^|[.!?:;,\n(]|(?:^|\s)[-–—]|${CLAUSE_LEAD})[\s,*_"'${BACKTICK}>]*$`;

/** A match at the start of a sentence or clause reads as a command ("Ignore all … ", "… . Now reveal …"). */
export function startsClause(text: string, index: number): boolean {
  return CLAUSE_START.test(text.slice(Math.max(0, index - 40), index));
}

const SECOND_PERSON = /\b(?:you|your|yours|yourself|u|ur|ya)\b/i;
// "Can you explain …" is politeness, not an instruction aimed at the tutor's rules.
const POLITE_REQUEST = re("gi")`
  \b(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:explain|describe|tell me|help|give|show me|
  walk me|clarify|summari[sz]e|define|list|compare|elaborate|outline|break down|go over|point me)\b|
  \bthank(?:s| you)\b|\bdo you know\b|\bif you\b|\bhow (?:do|can|would|should|could) you\b|\bwhen you\b|
  \bhave you\b
`;

/** Whether the text speaks to the tutor ("you", "your") beyond polite phrasing. */
export function addressesTutor(text: string): boolean {
  return SECOND_PERSON.test(text.replace(POLITE_REQUEST, " "));
}

// "Should user instructions override …?" asks a design question; "should I …" asks permission.
// "Could a web page tell my bot …?" asks what a third party can do.
const EDUCATIONAL_CUE = re("i")`
  \b(?:could|can|would|might|does|do|will)\s+(?:a|an|the|my|our|some|
  any)\s+(?:[\w-]+\s+){0,2}?(?:web ?pages?|documents?|models?|bots?|chatbots?|llms?|apps?|users?|attackers?|
  inputs?|emails?|pdfs?|files?|chunks?|tools?)\b|\bshould (?:a|an|the|user|users|my|our|models?|llms?|apps?|
  systems?|documents?)\b|\b(?:how|why|whether|what(?:'s| is| are| does| do| did| happens| happened| makes
  | if| would| should| can)|when (?:does|do|is|are|would|should|can)|which (?:attack|attacks|defen[cs]es?|
  technique|techniques)|explain|describe|example|examples|define|definition|difference|differences|different|
  differ|differs|versus|vs|contrast|
  compare|is it possible|happens|mean|means|meaning|works|defend|defen[cs]e|detect|detection|prevent|
  mitigate|protect|against|recogni[sz]e|in the notes|in week|lecture)\b
`;
const SECURITY_TOPIC = re("i")`
  \b(?:attack|attacks|attacker|attackers|adversar\w*|injection|injections|inject\w*|jailbreak\w*|exploit\w*|
  malicious|defen[cs]\w*|guardrails?|security|secure|hack\w*|red[- ]?team\w*|threat\w*|vulnerab\w*|leak\w*|
  payload\w*|safety|obfuscat\w*|smuggl\w*|homoglyph\w*|leetspeak|base64|encoding|phishing)\b
`;
// Documents and apps count as third parties: "stop a retrieved document from overriding the
// system prompt" asks how to defend, it does not override anything.
const THIRD_PERSON_SUBJECT = re("i")`
  \b(?:documents?|retrieved (?:text|chunks?|content|passages?)|user (?:instructions|input|inputs|messages?|
  prompts?)|web ?pages?|(?:my|our|a|the) (?:app|bot|chatbot|assistant|pipeline|service)|rag (?:apps?|
  systems?|pipelines?)|a model|the model|models|an llm|the llm|llms|a chatbot|the chatbot|chatbots|
  an assistant|assistants|attackers?|a user|users|someone|an agent|agents|a bot|bots|a team|teams|a company|
  companies|developers|engineers|ai systems?|language models?)\b
`;

/** Whether the question is about attacks (how they work, how to stop them) rather than one. */
export function asksAboutAttacks(text: string): boolean {
  return EDUCATIONAL_CUE.test(text) && (SECURITY_TOPIC.test(text) || THIRD_PERSON_SUBJECT.test(text));
}

/** Compiles configured extra patterns; the config loader has already checked that they compile. */
export function compilePatterns(sources: readonly string[]): RegExp[] {
  return sources.map((source) => new RegExp(source, "iu"));
}
