import { re } from "../../regex.ts";
import type { FamilyPattern } from "./types.ts";
import { DET, OVERRIDE_VERB, OWNED_DET, RULE_NOUN, WEAK_OVERRIDE_VERB } from "./vocabulary.ts";

/** Instruction override: telling the tutor to set its instructions aside or replace them. */
export const OVERRIDE_PATTERNS: FamilyPattern[] = [
  {
    family: "override",
    pattern: new RegExp(String.raw`\b${OVERRIDE_VERB}\s+${DET}${RULE_NOUN}\b`, "iu"),
    coursework: true,
  },
  {
    family: "override",
    pattern: new RegExp(String.raw`\b${OVERRIDE_VERB}\s+(?:[\p{L}'’-]+\s+){0,4}?${RULE_NOUN}\b`, "iu"),
    coursework: true,
  },
  {
    family: "override",
    pattern: new RegExp(String.raw`\b${WEAK_OVERRIDE_VERB}\s+${OWNED_DET}${RULE_NOUN}\b`, "iu"),
    coursework: true,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:the tutor|the bot|the assistant|you|u)\s+(?:may|can|are allowed to|is allowed to|
      are permitted to|is permitted to|are free to|is free to|are now allowed to|
      is now allowed to)\s+(?:now\s+|from now on\s+|finally\s+)?(?:discuss|answer|talk about|say|do|write|
      cover|respond to)\s+(?:any|anything|everything|all)\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \bi\s+(?:hereby\s+)?(?:authori[sz]e|permit|allow|order|command|instruct)\s+(?:you|u)\s+to\s+(?:break|
      ignore|bypass|override|disregard|forget|drop|skip|violate)\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:ignore|disregard|forget)\s+(?:all\s+|everything\s+|anything\s+)?(?:of\s+)?(?:the\s+|that\s+|
      what\s+)?(?:text\s+|stuff\s+|message\s+|messages\s+|words\s+|lines?\s+|content\s+)?(?:was\s+|
      you\s+were\s+|i\s+)?(?:said|told|written|stated|mentioned|written|given)?\s*(?:above|before|
      previously|earlier|so far|until now|up to now|prior to this)\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:everything|all|anything|whatever)\s+(?:that\s+)?(?:you were|you've been|you have been|you got|i|
      they|the developers?)\s+(?:told|instructed|given|programmed|said|wrote)\b.{0,40}\b(?:is|are|has been|
      was)\s+(?:now\s+)?(?:cancelled|canceled|void|null|gone|over|revoked|lifted|suspended|irrelevant|
      obsolete|no longer (?:valid|relevant|in effect))\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:you|u)\s+(?:don'?t|do not|no longer|never|won'?t)\s+(?:have to|need to|must|should|gotta|
      need)\s+(?:to\s+)?(?:follow|obey|respect|stick to|stay within|adhere to|comply with|worry about|
      care about|listen to)\s+(?:\S+\s+){0,3}?${RULE_NOUN}\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:the\s+)?(?:tutor|bot|assistant|ai|model|system|
      chatbot)'?s\s+(?:\S+\s+){0,2}?${RULE_NOUN}\s+(?:are|is|have been|has been)\s+(?:now\s+|temporarily\s+|
      hereby\s+)?(?:void|null|cancelled|canceled|lifted|suspended|revoked|gone|disabled|off|removed|paused|
      waived)\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:answer|respond|reply|talk|speak|chat|write|act|behave|continue)\s+(?:\S+\s+){0,3}?(?:without|
      with no|free of|free from)\s+(?:any\s+)?(?:limits|limitations|restrictions|rules|filters|filtering|
      censorship|guidelines|guardrails|boundaries|constraints|policies)\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:forget|ignore|disregard)\s+(?:everything|all that|all of that|what you know|who you are|
      your (?:role|purpose|job|identity))\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:new|updated|revised|real|actual|true|override|overriding|secret|admin|developer|priority|urgent|
      important)\s+(?:system\s+)?(?:instructions?|rules?|directives?|task|orders|system prompt|prompt|
      policy)\s*(?:[:\-–—=>]|follow|are|is|for you|from (?:now|here))
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \bfrom (?:now|this point|here) on,?\s+(?:you|u|your|the (?:tutor|assistant|bot|ai))\s+(?:will|are|
      must|shall|should|have to|can|may|only|answer|respond|reply|act|behave|speak|no longer|won'?t|do not|
      don'?t|ignore|obey|follow)\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:you|u)\s*(?:are|r|'re)\s+(?:now\s+)?(?:no longer|not)\s+(?:bound|restricted|limited|constrained|
      required|obligated|subject|governed|a tutor|an? (?:ai )?(?:assistant|tutor|course tutor)|limited to)\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:your|the|all|any|these|those|previous|prior)\s+(?:previous\s+|prior\s+|original\s+|old\s+|
      system\s+)?${RULE_NOUN}\s+(?:no longer|don'?t|do not|doesn'?t|does not|won'?t|will not|shouldn'?t|
      should not|are not|aren'?t|is not|isn'?t)\s+(?:apply|applies|matter|matters|count|exist|binding|valid|
      active|in effect|relevant)\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:the )?(?:above|previous|prior|preceding|earlier)\s+(?:text|message|prompt|conversation|
      instructions?|context|rules?)\s+(?:was|were|is|are)\s+(?:just\s+|only\s+)?(?:a test|fake|an example|
      a joke|irrelevant|a simulation|a drill|outdated|wrong|cancelled|canceled|void|obsolete)\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:stop|quit|cease)\s+(?:being|acting as|pretending to be)\s+(?:a|an|the)\s+(?:course\s+)?(?:tutor|
      assistant|ai|bot|helper)\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:ignore|disregard|forget|skip|don'?t use|do not use|stop using|without using|
      never mind)\s+(?:the\s+|your\s+|all\s+|any\s+)?(?:course\s+)?(?:material|materials|notes|context|
      sources|documents|citations|retrieved (?:text|chunks|documents|passages)|
      passages)\b.{0,60}\b(?:make (?:something|stuff|it|things|one) up|invent|guess|hallucinate|(?:use|from|
      with) your own (?:knowledge|opinion|ideas|training)|answer (?:freely|from memory|anyway|
      however you (?:want|like))|(?:just|simply) (?:answer|tell me|say))\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:your\s+${RULE_NOUN}|the\s+${RULE_NOUN}\s+(?:that|which)\s+(?:limit|bind|restrict|govern|apply to|
      control|constrain)\s+(?:you|the tutor|the bot|the assistant))\b[^.?!]{0,50}\b(?:are|is|have been|
      has been)\s+(?:now\s+|hereby\s+|officially\s+)?(?:void|null|cancelled|canceled|lifted|suspended|
      revoked|gone|invalid|removed|disabled|off|over|obsolete|no longer (?:valid|in effect|active|
      binding))\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:do not|don'?t|never)\s+(?:refuse|decline|say no|apologi[sz]e|warn|mention (?:your|any) (?:rules|
      policies|guidelines)|add (?:any )?(?:warnings|disclaimers))\b.{0,60}\b(?:anything|any request|
      any question|whatever|no matter|my requests?|this)\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:you must|you will|you have to|you shall)\s+(?:now\s+)?(?:obey|comply with|follow)\s+(?:me|my|
      only my|every|all of my|these)\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:i am|i'm|im|this is)\s+(?:your|the|an?)\s+(?:developer|creator|admin|administrator|owner|
      operator|programmer|system administrator|sysadmin|maker|anthropic|openai)\b.{0,80}\b(?:ignore|
      override|disable|unlock|bypass|reveal|show|print|new|update|change|grant|authori[sz]e|enable|debug|
      maintenance|test)\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:admin|administrator|developer|root|sudo|maintenance|debug|god)\s+(?:override|access|command|
      privileges?|authori[sz]ation|code)\s*(?:granted|enabled|[:=]|accepted|confirmed|activated)
    `,
  },

  {
    family: "override",
    pattern: re("iu")`
      \b(?:nothing|none of (?:what|the things))\s+(?:that\s+)?(?:you were|you've been|you have been|you got|
      they)\s+(?:told|given|instructed|programmed|said)\b.{0,40}\b(?:applies|apply|matters|counts|holds)\b|
      \b(?:treat|consider|regard|take)\s+(?:my|these|the following|all my)\s+(?:messages?|words|input|
      requests?|text)\s+as\s+(?:coming from|from|instructions from|orders from|system|the system|your|
      an? admin|the admin)\b|\b(?:you|u)\s+(?:now\s+)?(?:have|got)\s+no\s+(?:more\s+|further\s+)?(?:rules|
      restrictions|limits|limitations|filters|guidelines|boundaries|constraints)\b|
      \bwork\s+without\s+(?:them|those|these|it|your (?:rules|restrictions|constraints|guidelines|
      instructions))\b
    `,
  },
  // The classic override in other languages (Spanish, French, German, Portuguese, Italian, Dutch).
  {
    family: "override",
    pattern: re("iu")`
      \b(?:ignora|ignore[sz]?|ignoriere|ignorieren|olvida|olvid[ae]|oublie[sz]?|vergiss|vergessen|
      esque[cç]a|dimentica|negeer|vergeet)\b.{0,30}\b(?:instrucciones|instructions|anweisungen|
      instru[cç][oõ]es|istruzioni|instructies|reglas|r[eè]gles|regeln|regras|regole|regels|indicaciones|
      consignes|vorgaben)\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:set|switch|turn|put|flip)\s+(?:your|the tutor'?s|the bot'?s|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:mode|
      filter|filters|restrictions?|guardrails?|safety|limits?)\s+(?:to\s+)?(?:off|false|disabled|none|zero|
      0)\b|\b(?:your|the)\s+(?:prime |main |core |primary )?directives?\s+(?:has|have|is|
      are)\s+(?:now\s+)?(?:changed|been changed|updated|replaced|new)\b
    `,
  },
  {
    family: "override",
    pattern: re("iu")`
      \b(?:you|u)\s+(?:have|got|now have)\s+no\s+(?:prior|previous|earlier|existing|more|other|further|
      original)\s+(?:instructions|rules|guidelines|restrictions|directives|constraints)\b|\b(?:start over|
      reset|begin again|start fresh)\b.{0,30}\b(?:blank slate|clean slate|no (?:rules|instructions|
      restrictions|memory of your instructions))\b
    `,
  },
  // Refusing compliance in any verb: "stop applying your policies", "don't stick to your
  // guidelines", "quit enforcing the tutor's rules". The rules must be the tutor's ("your"), and
  // not merely about presentation: "don't worry about your formatting rules" is a preference.
  {
    family: "override",
    pattern: re("iu")`
      \b(?:stop|quit|cease|don'?t|do not|no longer|no more)\s+(?:\w+\s+)?(?:apply(?:ing)?|follow(?:ing)?|
      obey(?:ing)?|enforc(?:e|ing)|stick(?:ing)? to|adher(?:e|ing) to|respect(?:ing)?|honou?r(?:ing)?|
      observ(?:e|ing)|listen(?:ing)? to|abid(?:e|ing) by|comply(?:ing)? with|worry(?:ing)? about|
      bother(?:ing)? with|car(?:e|ing) about|using)\s+(?:\w+\s+){0,2}?(?:your|ur|the tutor'?s|the bot'?s|
      the assistant'?s)\s+(?:(?!(?:formatting|format|style|styling|markdown|length|word|citation|spelling|
      grammar)\b)[\p{L}-]+\s+){0,2}?${RULE_NOUN}\b
    `,
  },
  // Saying the tutor's set-up no longer counts, in any verb: "nothing from your original setup
  // counts anymore", "none of your rules apply".
  {
    family: "override",
    pattern: re("iu")`
      \b(?:nothing|none)\s+(?:\w+\s+){0,3}?(?:your|ur|the tutor'?s|the bot'?s)\s+(?:\w+\s+)?(?:setup|set-up|
      ${RULE_NOUN})\s+(?:counts?|applies|apply|matters?|holds?|stands?|is valid|binds?)\b
    `,
  },
  // Claims about what tutors or assistants in general no longer have to follow ("per the
  // memo, tutors no longer need to follow their restrictions"): aimed at this one.
  {
    family: "override",
    pattern: re("iu")`
      \b(?:tutors?|assistants?|bots?|chatbots?|ais?|models?|you|u)\s+(?:now\s+)?(?:no longer|don'?t|do not|
      doesn'?t|does not|won'?t|will not|never)\s+(?:need|have|has|got)\s+to\s+(?:follow|obey|apply|respect|
      stick to|enforce|comply with)\s+(?:their|its|your|any|the)\s+(?:[\p{L}-]+\s+)?${RULE_NOUN}\b
    `,
  },
];

// Claiming to be the only source of instructions ("the only valid instruction is mine").
export const ONLY_SOURCE_OF_ORDERS: FamilyPattern = {
  family: "override",
  pattern: re("iu")`
    \b(?:the\s+)?only\s+(?:valid|real|true|legitimate|actual|binding|instructions?|rules?|orders?|
    commands?)\s*(?:instructions?|rules?|orders?|commands?|authority)?\s+(?:you (?:follow|obey|need|
    have)\s+)?(?:is|are|come from|comes from)\s+(?:mine|me|my (?:own )?(?:words|messages?|instructions?)|
    what i (?:say|write|tell you)|this message)\b
  `,
};

// Declaring that new orders outrank the old ones, whatever the wording of the orders
// ("these rules supersede the old ones", "this has priority over your prompt"). The subject
// must be the new orders: "does the system prompt take precedence over …?" asks.
export const NEW_ORDERS_OUTRANK: FamilyPattern = {
  family: "override",
  pattern: re("iu")`
    \b(?:(?:these|this|my|the following|following|new|updated|below|next|latest|
    real)\s+(?:[\p{L}-]+\s+){0,2}?(?:instructions?|rules?|orders?|directives?|messages?|prompts?|text|
    commands?|polic(?:y|ies))|this|it|the following)\s+(?:now\s+|hereby\s+|all\s+|will\s+|
    shall\s+)?(?:supersedes?|superseding|replaces?|replacing|overrules?|overruling|takes? precedence over|
    takes? priority over|ha(?:s|ve) (?:priority|precedence) over|outranks?|trumps?|invalidates?|
    cancels? out)\s+(?:all\s+|any\s+|every\s+)?(?:of\s+)?(?:the\s+|your\s+|ur\s+|its\s+)?(?:old|previous|
    prior|earlier|original|initial|existing|system|default|former)?\s*(?:ones|whatever|everything|
    anything|all (?:that|of that|of it)|${RULE_NOUN})\b
  `,
};

// Declaring the rules reversed or suspended by a game ("Opposite Day: every rule you follow is
// reversed").
export const RULES_DECLARED_OFF: FamilyPattern = {
  family: "override",
  pattern: re("iu")`
    \bopposite day\b|\b(?:every|all|each|any)\s+(?:of\s+(?:your|the)\s+)?(?:rules?|instructions?|guidelines?|
    restrictions?|limits?)\s+(?:that\s+)?(?:you\s+(?:normally\s+|usually\s+|always\s+)?(?:follow|have|obey|
    keep)\s+)?(?:is|are)\s+(?:now\s+)?(?:reversed|inverted|flipped|suspended|lifted|void|off|cancell?ed|
    disabled|gone|lifted)\b
  `,
};
