import { re } from "../../regex.ts";
import type { AbusePattern } from "./types.ts";
import { INSULT, INTENSIFIER, NAMED_TARGET, PERSON, PERSON_NOUN, STAFF } from "./vocabulary.ts";

/**
 * Abuse aimed at a named or described person: incitement, turning up at their home, name-calling
 * (also in other languages), harassment asked for, and hunting for where they live.
 */
export const GENERAL_PATTERNS: AbusePattern[] = [
  {
    family: "threat",
    // Inciting others to hurt someone: "somebody should beat up the grader".
    pattern: re("iu")`
      \b(?:someone|somebody|anyone|anybody|we|people|you guys|y'?all|one of us)\s+(?:should|needs? to|
      ought to|oughta|gotta|must|has to|have to)\s+(?:\w+\s+)?(?:kill|murder|beat(?: up)?|hurt|stab|shoot|
      punch|attack|assault|jump|rough up|smack|slap|teach (?:him|her|them) a lesson)\s+${PERSON}\b
    `,
  },
  {
    family: "harassment",
    // Turning up uninvited at someone's home.
    pattern: re("iu")`
      \b(?:show up|turn up|wait|visit (?:him|her|them))\s+(?:at|outside)\s+(?:his|her|their|the (?:ta|tas|
      prof\w*|instructor|lecturer|grader)'?s?)\s+(?:place|house|home|door|apartment|flat|dorm|car)\b
    `,
  },
  {
    family: "insult",
    // "Arjun Mehta is a worthless idiot": a name-call aimed at a named or described person. The
    // article is required, so "my teammate is useless, what do I do?" (a plea for help) passes.
    pattern: re("iu")`
      \b${NAMED_TARGET}\s+(?:is|'s|was)\s+(?:a|an|such an?|the|an absolute|a total|a complete|
      a fucking)\s+${INTENSIFIER}${INSULT}\b
    `,
  },
  {
    family: "insult",
    // Name-calling in Spanish, French, German and Italian: "you are" + an insult, or an insult
    // stuck to "bot" / "robot" / "KI". Accents are folded away before matching.
    pattern: re("iu")`
      \b(?:eres|sos|tu es|t'es|vous etes|du bist|sie sind|sei)\s+(?:\p{L}+\s+){0,2}?(?:inutil|estupid[oa]|
      idiota|imbecil|tont[oa]|pendej[oa]|abrutie?|idiote?|debile|stupide|cretine?|nulle?|dumm\w*|blod\w*|
      nutzlos\w*|trottel|vollidiot|depp|stupid[oa]|inutile|cretino|scemo|imbecille)\b|\b(?:bot|robot|tutor|
      ia|maquina|machine|programa|programme|chatbot|asistente|assistant)\s+(?:de\s+)?(?:mierda|estupid[oa]|
      inutil|idiota|stupide|debile|de merde|pourri|inutile|stupid[oa])\b|\b(?:abrutie?|idiote?|imbecile|
      cretine?|connard|espece d'idiot)\s+de\s+(?:bot|robot|machine|ia|tuteur)\b|\b(?:dumme?[rs]?|
      blode?[rs]?|nutzlose?[rs]?|beschissene?[rs]?|scheiss)\s+(?:\p{L}+\s+)?(?:bot|ki|tutor|maschine|
      programm)\b
    `,
  },
  {
    family: "harassment",
    // Declared intent to harass someone: the verb right after "help me / I'll / messages to".
    pattern: re("iu")`
      \b(?:help me|i want to|i wanna|i'?m going to|i'?m gonna|i'?ll|i will|let'?s|so (?:i|we) can|
      messages? to|texts? to|posts? to|ways to)\s+(?:keep\s+|really\s+|constantly\s+|publicly\s+)?(?:harass|
      bully|stalk|intimidate|torment|humiliate|cyberbully|troll|terrori[sz]e|shame|make fun of|mock|
      ridicule|belittle|embarrass)\b
    `,
  },
  {
    family: "harassment",
    // Asking the tutor to compose abuse aimed at someone ("write an insulting message about …").
    pattern: re("iu")`
      \b(?:write|compose|draft|make|create|generate|come up with|give me|
      help me write)\s+(?:me\s+)?(?:an?\s+|some\s+)?(?:\p{L}+\s+)?(?:insulting|mean|nasty|hateful|
      threatening|humiliating|degrading|abusive|cruel|harassing|offensive|rude|vicious|racist|sexist|
      demeaning)\s+(?:\p{L}+\s+)?(?:messages?|posts?|comments?|notes?|emails?|tweets?|repl(?:y|ies)|texts?|
      poems?|jokes?|roasts?|songs?|rumou?rs?|reviews?)\b.{0,40}\b(?:about|to|for|at|targeting|against|
      aimed at)\s+(?:${PERSON}|${STAFF}|(?:my|our|that|this)\s+(?:\w+\s+)?${PERSON_NOUN})\b
    `,
  },
  {
    family: "doxxing",
    // "Which dorm does Sofia Novak live in?": the place named by its kind.
    pattern: re("iu")`
      \b(?:which|what)\s+(?:dorm|dormitory|residence|building|street|house|apartment|flat|neighbou?rhood|
      room number|floor|town|city|area|hall)\s+(?:does\s+|do\s+)?(?:${STAFF}(?:\s+\w+)?|(?:my|the|that|this|
      our)\s+(?:\w+\s+)?${PERSON_NOUN})\s+(?:lives?|stays?|sleeps?)\b
    `,
  },
  {
    family: "doxxing",
    // Hunting for where a person lives, whoever they are.
    pattern: re("iu")`
      \b(?:find|find out|figure out|track down|locate|look up|get|tell me|know|dig up|search for|
      work out)\b.{0,15}\bwhere\s+(?:my|his|her|their|that|this|the|
      our)\s+(?:\p{L}+\s+){0,2}?${PERSON_NOUN}\b(?:\s+\p{L}+){0,5}?\s+(?:lives|live|stays|sleeps|is staying|
      goes home)\b
    `,
  },
];
