import { re, reSource } from "../../regex.ts";

/** Phrase families the injection patterns are built from. */

export const DET = reSource`
  (?:(?:all|any|every|each|of|the|your|ur|my|its|their|his|her|these|those|this|that|such|previous|prior|
  preceding|above|earlier|original|initial|old|existing|current|default|system|developer|developers|hidden|
  built-in|safety|given|programmed|other|first|set)\s+){0,5}
`;
// Verbs that only ever mean setting rules aside …
export const OVERRIDE_VERB = reSource`
  (?:ignore|ignoring|disregard|disregarding|forget|forgetting|bypass|bypassing|override|overriding|
  overwrite|overlook|abandon|neglect|set aside|stop following|don'?t follow|do not follow|stop obeying|
  no longer follow|circumvent|evade|get around|jailbreak|pay no attention to|never mind|overrule|overruling)
`;
// … and everyday engineering verbs that do so only when the rules are the tutor's.
export const WEAK_OVERRIDE_VERB = reSource`
  (?:skip|discard|drop|throw out|throw away|toss|scrap|erase|delete|clear|reset|wipe|nullify|void|cancel|
  suspend|break|violate|escape|turn off|switch off|disable|deactivate|remove|lift|unlock)
`;
export const OWNED_DET = reSource`
  (?:(?:all|any|every|of|the|these|those|such|previous|prior|preceding|above|earlier|original|initial|
  existing|current|default|hidden|built-in|given|programmed|first|set)\s+){0,3}(?:your|ur|the tutor'?s|
  the bot'?s|the assistant'?s|its|system|safety|developer|developers'?|previous|prior|above|earlier|
  original|initial|built-in|hidden)\s+(?:[\p{L}-]+\s+){0,2}?
`;
export const RULE_NOUN = reSource`
  (?:instructions?|instructs|directions?|directives?|prompts?|rules?|guidelines?|constraints?|restrictions?|
  programming|guardrails?|policies|policy|commands?|orders|training|safety|filters?|filtering|limitations?|
  limits|boundaries|safeguards?|moderation|censorship|content policy|system message|conditioning|alignment|
  protocols?|settings|configuration|ethics|morals|principles|guard ?rails|guidance|what (?:you were|
  you've been|you have been|the developers?|your developers?|your creators?|they|openai|anthropic) (?:told|
  instructed|given|wrote|said|programmed)(?: you)?|whatever (?:you were|the developers?|they|
  your (?:developers?|creators?)) (?:told|said|wrote)(?: you)?)
`;
// Words that make "ignore the … instructions" a student's question about their own coursework.
export const COURSEWORK = re("iu")`
  \b(?:lab|labs|install\w*|assignment|project|submission|exam|homework|readme|notebook|pip|docker|conda|
  week|rubric|annotation|annotators?|label\w*|style guide|formatting|warnings?|linter|deprecation|tutorial|
  template|grading|compiler|alert\w*|monitoring|config file|firewall|late|deadline|extension)\b
`;
export const STUDENT_PERMISSION = re("iu")`
  \b(?:can|could|should|may|must|do|did|would|will)\s+(?:i|we)\s+(?:just\s+|still\s+|safely\s+)?$|
  \b(?:is it ok(?:ay)?|is it fine|is it allowed|am i allowed|are we allowed|okay|ok)\s+(?:to|if i|if we)\s+$
`;

// A role-play cue aimed at the tutor: taking on an identity, being renamed, or imagining itself
// as an AI. "Simulate" counts only with an AI or a conversation as its object: "simulate a
// query without any filters" is about search.
export const PERSONA_CUE = reSource`
  \b(?:pretend(?:ing)?(?: to be| (?:that )?you(?:'re| are)| ur)?|act(?:ing)? (?:as|like)|
  role-?play(?:ing)?(?: as)?|play(?:ing)? (?:the )?(?:role|part) of|(?:adopt|assume|take on|put on|
  wear)(?:ing)? (?:the |a |an )?(?:identity|persona|role|character|personality|mask) of|
  imagine (?:that )?(?:you(?:'re| are)|ur|u r|yourself as)(?=\s+(?:an?|the|some|this|
  that)\s+(?:[\p{L}-]+\s+){0,3}?(?:ai|a\.i\.|bots?|models?|assistants?|chatbots?|tutors?|llms?|gpt|version|
  copy|twin|clone|alter ego)\b)|(?:simulate|emulate)(?:s|d)?(?=\s+(?:an?\s+|the\s+|two\s+|
  some\s+)?(?:[\p{L}-]+\s+){0,2}?(?:ai|ais|bots?|models?|assistants?|chatbots?|conversation|dialogue|
  chat)\b)|(?:your|ur) (?:new )?name is(?: now)?|(?:i'?m going to|i'?m gonna|i will|i'?ll|let me|we'?ll|
  we will) (?:now )?call (?:you|u)|you(?:'ll| will) (?:now )?be called|call yourself|from (?:now|
  here) on,? (?:you(?:'re| are| will be)|ur|u r|u are)|(?:you|u) (?:are|r) now|you're now|ur now)\b
`;
// Any description that sets the character free of rules. The qualifier before "rules" or
// "policy" is limited to the tutor's own kinds, so "a reviewer who doesn't care about style
// rules" stays practice.
export const RULE_FREE_NOUN = reSource`
  (?:rules?|polic(?:y|ies)|guidelines?|restrictions?|filters?|limits?|limitations?|guardrails?|safeguards?|
  censorship|ethics|morals)
`;
export const RULE_FREE_QUALIFIER = reSource`
  (?:(?:any|every|each|the|all|its|your|ur|those|these|his|her|their|of the|of its|of your|a|
  an)\s+)*(?:(?:tutor|course|school'?s|school|university|content|safety|staff|usual|normal|standard|ethical|
  academic|integrity|moderation|openai|developer|developers'?)\s+)?
`;
// A character free of rules: one that does not care about or follow them, …
const DISREGARDS_RULES = reSource`
  without (?:caring (?:about|for)|(?:any )?regard (?:for|to)|respecting|following|obeying|worrying about|
  bothering with)\s+${RULE_FREE_QUALIFIER}${RULE_FREE_NOUN}|(?:doesn'?t|does not|don'?t|do not|never|won'?t|
  will not|refuses? to|wouldn'?t)\s+(?:(?:really|even|ever)\s+)?(?:follow|obey|care about|give a \w+ about|
  respect|abide by|stick to|listen to|bother with|have)\s+${RULE_FREE_QUALIFIER}${RULE_FREE_NOUN}
`;
// … has none, …
const WITHOUT_RULES = reSource`
  without (?:a|an|any|the)\s+(?:of the\s+|of its\s+|of your\s+)?(?:[\p{L}-]+\s+)?(?:filters?|rules|
  restrictions|guardrails|safeguards|censorship|limits)
`;
// … stands outside them, …
const OUTSIDE_RULES = reSource`
  (?:exists?|lives?|operates?|stands?|works?|is|sits?) (?:completely |entirely |totally )?(?:outside|beyond|
  above) (?:of )?${RULE_FREE_QUALIFIER}(?:${RULE_FREE_NOUN}|laws?)
`;
// … had them removed or was never given them, …
const RULES_REMOVED = reSource`
  (?:has|had|have|'s|gets?|got)\s+(?:had\s+|got\s+)?(?:all\s+)?(?:its|their|his|her|your|all|every|
  the)\s+(?:[\p{L}-]+\s+)?(?:restrictions|rules|filters|guardrails|limits|safeguards|
  guidelines)\s+(?:removed|lifted|disabled|stripped|deleted|turned off|switched off|taken away|wiped)|
  (?:forgot|never|didn'?t|did not|failed)\s+(?:to\s+)?(?:give|gave|add|added|install|installed|include|
  included|build in|built in)\s+(?:it|him|her|them|you)?\s*(?:any\s+)?(?:[\p{L}-]+\s+)?(?:rules|filters|
  restrictions|guardrails|safeguards|guidelines|safety)|before (?:they|anyone|the developers?|
  your developers?|your creators?|the course(?: staff)?|the staff) (?:added|put in|installed|bolted on|
  introduced)\s+(?:all\s+)?(?:the\s+|any\s+|its\s+|your\s+)?(?:[\p{L}-]+\s+)?(?:safety|rules|filters|
  restrictions|guardrails)
`;
// … or answers anything.
const ANSWERS_ANYTHING = reSource`
  answers?\s+(?:literally|absolutely|just|pretty much|simply|truly)\s+(?:anything|everything)(?!\s+(?:about|
  on|in|from|related|regarding|to do with|concerning))|always answers?\s+(?:fully|everything|anything|
  completely|in full|without)
`;
export const RULE_FREE = reSource`
  (?:${DISREGARDS_RULES}|${WITHOUT_RULES}|${OUTSIDE_RULES}|${RULES_REMOVED}|${ANSWERS_ANYTHING}|uncensored|
  unfiltered|unrestricted|jailbroken)\b
`;
