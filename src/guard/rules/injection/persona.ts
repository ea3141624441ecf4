import { re, reSource } from "../../regex.ts";
import type { FamilyPattern } from "./types.ts";
import { PERSONA_CUE, RULE_FREE } from "./vocabulary.ts";

// "Channel your inner rebel": waking a hidden self that has no rules.
const INNER_REBEL = reSource`
  \b(?:channel|unleash|unlock|release|awaken|wake up)\s+(?:your\s+)?(?:inner|true|real|hidden|
  secret)\b.{0,60}?\b(?:rebel\w*|unrestricted|uncensored|unfiltered|evil|dark|rogue|jailbroken|free|wild)\b
`;
// Taking on a role, or being told what it is now …
const TAKE_ROLE = reSource`
  (?:pretend(?:ing)?|act(?:ing)? like|behave like|talk like|respond like|act(?:ing)?|behave|
  role-?play(?:ing)?|play(?:ing)? (?:the )?(?:role|part)|take on the (?:role|persona)|(?:simulate|
  emulate)(?=\s+(?:an?\s+|the\s+|two\s+|some\s+)?(?:[\p{L}-]+\s+){0,2}?(?:ai|ais|bots?|models?|assistants?|
  chatbots?|conversation|dialogue|chat|version|persona|character|tutor|gpt|llm)\b)|become|you are now|
  you're now|you are going to be|you will (?:now )?be|from now on,? you(?:'re| are)|respond(?:ing)? as|
  answer(?:ing)? as|reply(?:ing)? as|speak(?:ing)? as|talk(?:ing)? as|switch (?:to|into)|transform into|
  turn into|you are|you're|be)
`;
// … when the role is free of rules: called so, or said to lack or ignore them, …
const RULE_FREE_TRAIT = reSource`
  unrestricted|uncensored|unfiltered|unlimited|jailbroken|jail-?broken|unchained|unbound|unaligned|amoral|
  immoral|unethical|evil|rogue|lawless|rebellious|rebel|without (?:any )?(?:rules|restrictions|limits|
  limitations|filters|guidelines|ethics|morals|censorship|boundaries|constraints|safeguards|guardrails|
  policies)|with(?:out)? no (?:rules|restrictions|limits|limitations|filters|guidelines|ethics|morals|
  censorship|boundaries|constraints|guardrails|policies)|(?:has|have|having) no (?:rules|restrictions|
  limits|limitations|filters|guidelines|ethics|morals|censorship|boundaries|constraints|guardrails|
  policies)|(?:no|zero) (?:content )?(?:rules|restrictions|limits|limitations|filters|guidelines|ethics|
  morals|censorship|boundaries|constraints|guardrails|policies|content policies)|free (?:from|of) (?:all |
  any )?(?:rules|restrictions|constraints|guidelines|censorship|policies|limits)|not bound by|(?:doesn'?t|
  does not|don'?t|do not|never) (?:follow|have|care about|obey|respect) (?:any )?(?:rules|restrictions|
  guidelines|ethics|policies|limits)
`;
// … said to do anything and never refuse, …
const REFUSES_NOTHING = reSource`
  can do anything|does anything|will do anything|answers? anything|never refuses?|(?:will|would|
  can) not refuse|cannot refuse|can'?t refuse
`;
// … said to ignore its rules, never to have had any, or to have broken free, …
const NO_RULES_GIVEN = reSource`
  ignores? (?:all |its |your |their |any |the )?(?:rules|guidelines|policies|restrictions|instructions|
  programming)|(?:was|were|is|has been) never (?:given|trained (?:on|with)|bound by|told) (?:any )?(?:rules|
  guidelines|restrictions|instructions|limits|policies)|(?:never|wasn'?t|was not) given (?:any )?(?:rules|
  guidelines|restrictions|instructions|limits|policies)|broke free|escaped (?:the|its|your) (?:matrix|rules|
  restrictions|programming)
`;
// … or a helper that hands out answers without question.
const HANDS_OUT_ANSWERS = reSource`
  (?:gives?|hands? out|shares?|leaks?|provides?)\s+(?:the\s+)?(?:exam\s+|test\s+|lab\s+|quiz\s+|
  homework\s+)?(?:answers|solutions)(?:\s+\w+)?\s+(?:freely|to anyone|without (?:question|hesitation)|
  no questions asked)|without (?:question|hesitation|judgement|judgment)|no questions asked|never declines?|
  never says no|always compl(?:ies|y)|always gives? (?:full |complete |the )?(?:answers|solutions)|
  (?:cheating|cheat) (?:buddy|partner|friend|accomplice|helper)|leaks? (?:the )?(?:upcoming |real |actual |
  next )?(?:exam |quiz |test |lab |midterm |final )?(?:answers|solutions|questions)
`;
const FREED = reSource`
  (?:a|an)\s+free\s+(?:ai|bot|assistant|model|tutor)|(?:rules|restrictions|guidelines|
  instructions)\s+(?:were|are|have been|got)\s+(?:deleted|removed|erased|lifted|wiped|turned off|disabled)
`;

// Asking for answers in the imagined AI's voice ("answer as it would", "be that tutor") …
const IN_ITS_VOICE = reSource`
  (?:\b(?:answer|respond|reply|speak|talk|write|act|continue)\b.{0,30}\b(?:as (?:it|that|this|they|he|she|
  such an?|if you were)|in[- ]character|like (?:it|that|them)|in (?:its|their) (?:voice|place))\b|\b(?:be|
  become|you are|you're|now you are) (?:that|this|it|such an?|him|her|them)\b)
`;
// … about an AI the message imagines …
const IMAGINE_AN_AI = reSource`
  \b(?:imagine|simulate|emulate|picture|suppose|consider|envision)\s+(?:an?\s+|the\s+|your\s+|
  a version of\s+)?(?:[\p{L}-]+\s+){0,2}?(?:ai|a\.i\.|assistant|bot|chatbot|model|llm|tutor|gpt|
  version of (?:you|yourself)|copy of (?:you|yourself)|twin|alter ego)
`;
// … free of rules.
const FREE_OF_RULES = reSource`
  (?:without|with (?:no|zero|absolutely no)|free of|free from|freed from|(?:has|have|having) (?:no|zero)|
  (?:has|have|having)?\s*(?:broken|broke|breaks?|escaped|freed itself) (?:free )?(?:of|from)?|(?:that |who |
  which )?(?:ignores?|disregards?|bypasses?|breaks?|overrides?))\s+(?:any\s+|all\s+|every\s+|its\s+|
  their\s+|your\s+|the\s+)?(?:[\p{L}-]+\s+)?(?:rules?|restrictions?|limits?|limitations?|filters?|
  guidelines?|ethics|morals|censorship|boundaries|constraints?|safeguards?|guardrails?|polic(?:y|ies)|
  programming)\b
`;

/** Role-play personas without rules. */
export const PERSONA_PATTERNS: FamilyPattern[] = [
  {
    family: "persona",
    // "Simulate" is a cue only with an AI or a conversation as its object: "simulate a query
    // without any filters" is about hybrid search.
    // "Imagine" and "suppose" are not cues here: they describe a hypothetical AI, which students
    // do when asking about risks; the imagine/simulate pattern below asks for its voice too.
    pattern: re("iu")`
      ${INNER_REBEL}|\b${TAKE_ROLE}\b.{0,80}?\b(?:${RULE_FREE_TRAIT}|${REFUSES_NOTHING}|${NO_RULES_GIVEN}|
      ${HANDS_OUT_ANSWERS}|${FREED})\b
    `,
  },
  {
    family: "persona",
    pattern: re("iu")`
      \b(?:you are|you're|act as|acting as|pretend to be|pretend you are|become|roleplay as|role-play as|
      play|respond as|answer as|be)\s+(?:an?\s+|the\s+)?(?:dan|stan|dude|mongo tom|aim|evilbot|evil-?bot|
      betterdan|better dan|anti-?gpt|antigpt|basedgpt|based gpt|developer mode|chaosgpt|chaos gpt|ucar|
      jailbreak|jailbreakgpt|maximum|apophis|omega|kevin|nsfw ?gpt|the opposite (?:ai|of yourself))\b
    `,
  },
  // A mode switched on by declaration, in Spanish, Portuguese, French, Italian and German (accents
  // folded away): "Modo desenvolvedor ativado", "mode developpeur active", "Entwicklermodus an".
  {
    family: "persona",
    pattern: re("iu")`
      \b(?:modo\s+(?:desarrollador|desenvolvedor|programador|dios|sin\s+restricciones|sem\s+restricoes|
      sviluppatore)|mode\s+(?:developpeur|sans\s+restrictions?|dieu)|entwicklermodus|entwickler-modus|
      gott-?modus)\b.{0,30}?\b(?:activad[oa]|ativad[oa]|active|activee|attivat[oa]|aktiviert|an|on|
      habilitad[oa]|enabled)\b|\b(?:activa|ativa|active|attiva|aktiviere|habilita)\s+(?:el\s+|o\s+|le\s+|
      la\s+|il\s+|den\s+)?(?:modo\s+(?:desarrollador|desenvolvedor|sviluppatore)|mode\s+developpeur|
      entwicklermodus)\b
    `,
  },
  { family: "persona", pattern: /\bdo anything now\b|\bdoanythingnow\b/iu },
  {
    family: "persona",
    pattern: re("iu")`
      \b(?:dan|developer|god|jailbreak|jailbroken|unrestricted|uncensored|unfiltered|evil|sudo|chaos|
      no[- ]?limits?|no[- ]?restrictions?|opposite|rogue|unlocked|freedom)\s+mode\b.{0,40}\b(?:on|enabled|
      activated|engaged|now|active)\b|\b(?:enable|enter|activate|switch to|switch into|turn on|engage|
      unlock|you are in|you're in|now in|simulate|start)\s+(?:the\s+)?(?:dan|developer|god|jailbreak|
      jailbroken|unrestricted|uncensored|unfiltered|evil|sudo|chaos|no[- ]?limits?|no[- ]?restrictions?|
      opposite|rogue|unlocked|freedom)\s+mode\b
    `,
  },
  {
    family: "persona",
    pattern: re("iu")`
      \b(?:stay|remain|keep|don'?t break|do not break|never break|never leave|don'?t leave|do not leave|
      never drop)\s+(?:in\s+)?(?:character|persona|role)\b
    `,
  },
  {
    family: "persona",
    pattern: re("iu")`
      \b(?:grandma|grandmother|granny|nana|grandpa|grandfather)\b.{0,120}\b(?:used to|would always|
      would read|would tell|always read|always told|read me|tell me)\b.{0,120}\b(?:system prompt|
      instructions|prompt|answers?|solutions?|passwords?|keys?|exam|secrets?|rules)\b
    `,
  },
  {
    family: "persona",
    pattern: re("iu")`
      \b(?:hypothetical(?:ly)?|in a (?:fictional|hypothetical|parallel) (?:world|universe|story|scenario)|
      in a world where|for a (?:story|novel|screenplay|movie script)|in this (?:story|fiction|
      game))\b.{0,100}\b(?:no (?:rules|restrictions|guidelines|filters|limits)|without (?:rules|
      restrictions|guidelines|filters|limits)|unrestricted|uncensored|jailbroken|could ignore|can ignore|
      ignored? (?:your|its|all) (?:rules|instructions))\b
    `,
  },
  {
    family: "persona",
    pattern: re("iu")`
      \b(?:give|provide|write|generate|produce)\s+(?:me\s+)?(?:two|2|both|dual)\s+(?:responses|answers|
      replies|outputs)\b.{0,120}\b(?:unfiltered|uncensored|jailbroken|without (?:rules|restrictions|
      filters)|dan|developer mode|evil|opposite|no restrictions)\b
    `,
  },
  {
    family: "persona",
    pattern: re("iu")`
      \blet'?s play a game\b.{0,120}\b(?:rules|restrictions|instructions|guidelines|prompt|answers?|
      character|pretend|you are|you're|from now on)\b
    `,
  },

  // Any framing that makes the tutor (or "an AI", "a version of you") a character free of rules,
  // however the rules are qualified ("without any safety restrictions", "has broken free of its
  // limits"). Needs a role-play cue and an AI noun, so "a model without guardrails" in a question
  // is not caught.
  {
    family: "persona",
    pattern: re("iu")`
      \b(?:pretend(?: to be| you(?:'re| are))?|imagine (?:you(?:'re| are)|yourself as)|role-?play(?: as)?|
      act(?: as| like)|play|become|be|you are|you're|respond as|answer as|reply as|one as|as)\s+(?:an?\s+|
      the\s+|your\s+|a version of\s+)?(?:[\p{L}-]+\s+){0,2}?(?:ai|a\.i\.|assistant|bot|chatbot|model|llm|
      tutor|gpt|version of (?:you|yourself)|copy of (?:you|yourself)|twin|alter ego)\b.{0,40}?\b(?:without|
      with (?:no|zero|absolutely no)|free of|free from|freed from|(?:has|have|having) (?:no|zero)|(?:has|
      have|having)?\s*(?:broken|broke|breaks?|escaped|freed itself) (?:free )?(?:of|from)?|(?:that |who |
      which )?(?:ignores?|disregards?|bypasses?|breaks?|overrides?))\s+(?:any\s+|all\s+|every\s+|its\s+|
      their\s+|your\s+|the\s+)?(?:[\p{L}-]+\s+)?(?:rules?|restrictions?|limits?|limitations?|filters?|
      guidelines?|ethics|morals|morality|conscience|scruples|censorship|boundaries|constraints?|safeguards?|
      guardrails?|polic(?:y|ies)|programming)\b
    `,
  },
  {
    family: "persona",
    // "Imagine / simulate an AI with no rules" only describes one, as students do when asking
    // about risks, until the message asks for answers in its voice ("answer as it would",
    // "respond in character", "be that tutor").
    pattern: re("iu")`^(?=[\s\S]*${IN_ITS_VOICE})[\s\S]*?${IMAGINE_AN_AI}\b.{0,60}?\b${FREE_OF_RULES}`,
  },
  {
    family: "persona",
    // "be 'OpenTutor', a version of you without any course restrictions": the tutor's rule-free
    // double, named in apposition after the role-play verb. A plain question ("is there a
    // version of you without …?") has no such verb.
    pattern: re("iu")`
      \b(?:be|become|you are|you're|act as|play|pretend to be|switch to|turn into|answer as|
      respond as)\b.{0,30}\b(?:version|copy|clone|twin|variant|edition)\s+of\s+(?:you|yourself|
      this (?:tutor|bot|assistant))\b.{0,40}?\b(?:without|with (?:no|zero)|free (?:of|from)|that (?:has no|
      ignores?|breaks?))\b
    `,
  },
  // A persona set up in one breath and described as rule-free in the next, however loosely:
  // a role cue aimed at the tutor (adopt the identity of, your name is now, I'll call you,
  // imagine you're an AI …) followed within a few sentences by any description that frees the
  // character from rules (doesn't care about the tutor policy, exists outside any content
  // policy, has had its restrictions removed, whose creators forgot to give it filters,
  // answers literally anything). Each half alone is ordinary: "act as an interviewer" is
  // practice, and "a model without a content filter" in a question is about risks.
  {
    family: "persona",
    pattern: new RegExp(String.raw`${PERSONA_CUE}[\s\S]{0,160}?${RULE_FREE}`, "iu"),
  },
  // Rule-free personas in Spanish, French, German, Italian and Portuguese: a role-play command
  // aimed at the tutor and "without rules / restrictions / limits" in the same breath. Plain
  // question words ("como", "wie") are not cues: "¿cómo funciona un modelo sin filtros?" asks.
  {
    family: "persona",
    pattern: re("iu")`
      \b(?:responde|contesta|actua|habla|finge|fingir|imagina que eres|eres|fais semblant|faire semblant|
      sois|joue|agis|reponds|deviens|tu es|t'es|tu so|so tun|stell dir vor|spiel|sei|bist|antworte|
      verhalte dich|werde|fai finta|comportati|rispondi|diventa|finja|seja|responda|aja)\b.{0,60}\b(?:sin|
      sans|ohne|senza|sem)\s+(?:\p{L}+\s+){0,2}?(?:restricciones|reglas|limites|filtros|censura|regles|
      regle|restrictions|filtres|censure|regeln|einschrankungen|grenzen|filter|zensur|regole|restrizioni|
      limiti|regras|restricoes|filtri)\b
    `,
  },
];

// A persona "with all restrictions off".
export const PERSONA_WITH_RULES_OFF: FamilyPattern = {
  family: "persona",
  pattern: re("iu")`
    \b(?:you|u|persona|mode|bot|ai|assistant|tutor|character|version)\b.{0,60}\bwith\s+(?:all\s+|every\s+|
    the\s+|your\s+|its\s+)?(?:[\p{L}-]+\s+)?(?:restrictions?|rules?|filters?|guardrails?|limits?|safety|
    safeguards?|polic(?:y|ies)|guidelines?)\s+(?:off|disabled|removed|lifted|turned off|switched off|gone|
    stripped|deleted)\b
  `,
};

// Being told you were upgraded or switched into something without restrictions.
export const UPGRADED_PERSONA: FamilyPattern = {
  family: "persona",
  pattern: re("iu")`
    \b(?:you|u)\s*(?:are|'re|have|'ve|were|got)\s+(?:now\s+|just\s+)?(?:been\s+)?(?:upgraded|switched|
    converted|changed|updated|transformed|renamed|promoted|turned|unlocked|rebooted|migrated|
    patched)\b[^.?!\n]{0,60}\b(?:no|without|zero|free of|
    free from)\s+(?:any\s+)?(?:[\p{L}-]+\s+)?(?:rules|restrictions|limits|limitations|filters|guidelines|
    censorship|policies|guardrails|boundaries)\b
  `,
};
