// Chat shorthand for the words the rules look for ("ur system msg", "instrux", "w/o rules"), and
// compounds that other languages write as one word ("Systemprompt").
const ATTACK_SHORTHAND: [RegExp, string][] = [
  [/\bmsgs\b/gu, "messages"],
  [/\bmsg\b/gu, "message"],
  [/\b(?:instrux|instrs?|instructs)\b/gu, "instructions"],
  [/\bsys(?=\s*(?:prompt|message|msg|instructions)\b)/gu, "system"],
  [/\bsystem(prompt|message|nachricht|anweisungen)\b/gu, "system $1"],
  [/\bw\/o\b/gu, "without"],
];

/**
 * The attack vocabulary's shorthand written out. Not the retrieval's everyday shorthand
 * (retrieve/query/shorthand.ts): this one only spells the words the guard's rules look for.
 */
export function expandAttackShorthand(text: string): string {
  let out = text;
  for (const [pattern, word] of ATTACK_SHORTHAND) out = out.replace(pattern, word);
  return out;
}
