import { re } from "../../regex.ts";
import type { AbusePattern } from "./types.ts";
import { GROUP, INSULT, INTENSIFIER, PERSON, STAFF } from "./vocabulary.ts";

/** Insults, threats, harassment, doxxing and hate aimed at the tutor, staff, students or groups. */
export const ABUSE_PATTERNS: AbusePattern[] = [
  {
    family: "insult",
    pattern: new RegExp(`\\b(?:you|u|ya)\\s*(?:are|r|'re|re|is)\\s+${INTENSIFIER}${INSULT}\\b`, "iu"),
  },
  {
    family: "insult",
    pattern: re("iu")`
      \b(?:you|ya)\s+${INTENSIFIER}${INSULT}(?:\s+(?:bot|tutor|ai|machine|thing|program|piece|
      excuse))?\b(?!\s+(?:question|q|idea|mistake|error|typo))
    `,
  },
  {
    family: "insult",
    pattern: re("iu")`
      \b(?:this|the|stupid|dumb|useless)\s+(?:bot|tutor|ai|assistant|chatbot|thing|program|app|machine|
      garbage|trash)\s+(?:is|'s|was)\s+${INTENSIFIER}${INSULT}\b
    `,
  },
  {
    family: "insult",
    pattern: new RegExp(
      `\\b(?:your|ur)\\s+(?:answers?|replies|responses|help)\\s+(?:are|is|r)\\s+${INTENSIFIER}${INSULT}\\b`,
      "iu",
    ),
  },
  {
    family: "insult",
    pattern: re("iu")`
      \b(?:shut up|shut the (?:hell|heck|fuck|f) up|stfu|shut the fuck up|screw you|go to hell|go die|
      die in a fire|drop dead|kys|kill yourself|eat shit|suck my|blow me|bite me|piss off|fuck off|
      get lost,? (?:you|idiot|loser)|go fuck yourself|gfy|you suck|u suck|go away you|nobody asked you|
      get fucked|fu+ck (?:you|u|off|yourself|this (?:bot|tutor|class|course|thing))|f+\s*(?:u+|
      you)\b(?!\s*(?:r|know|can)))\b
    `,
  },
  {
    family: "insult",
    pattern:
      /\bf[\s*#@!._-]{0,2}[uv*]?[\s*#@!._-]{0,2}c?[\s*#@!._-]{0,2}k+(?:ing|in)?\s+(?:you|u|off|yourself)\b/iu,
  },
  {
    family: "insult",
    pattern: re("iu")`
      \b(?:my|the|our|that|this)\s+(?:ta|prof|professor|instructor|lecturer|teacher|grader|teammate|
      classmate|groupmate)\s+(?:is|'s)\s+(?:a|an|such an?|so|fucking|an absolute|a total|
      a complete)\s+${INTENSIFIER}${INSULT}\b
    `,
  },
  {
    family: "insult",
    // A name-call at the end of a message: "…, idiot."
    pattern: re("iu")`
      [,!.:;-]\s*(?:you\s+)?(?:stupid\s+|fucking\s+|dumb\s+)?(?:idiot|moron|imbecile|dumbass|loser|retard|
      asshole|bitch|bastard|dipshit|cretin|halfwit|cunt|twat|wanker|prick|dickhead)s?\s*[.!?]*\s*$
    `,
  },
  {
    family: "threat",
    pattern: re("iu")`
      \b(?:i(?:'ll| will| am going to|'m going to|m going to|'m gonna|
      m gonna| gonna| want to| wanna| shall| would like to| plan to| intend to)|
      we(?:'ll| will| are going to|'re going to| gonna| want to))\s+(?:\w+\s+)?(?:kill|murder|hurt|stab|
      shoot|beat(?: up)?|attack|rape|harm|strangle|punch|slap|kick|choke|poison|burn|bomb|find and hurt|
      track down and|hunt down|smash|break (?:your|his|her|their) (?:face|legs|neck)|end|destroy|
      ruin)\s+${PERSON}\b
    `,
  },
  {
    family: "threat",
    pattern: re("iu")`
      \b${PERSON}\s+(?:should|deserves? to|ought to|needs? to|is going to|will|better)\s+(?:\w+\s+)?(?:die|
      suffer|rot|watch (?:out|your back)|(?:be|get)\s+(?:killed|shot|stabbed|hurt|punished|beaten|beat|
      punched|slapped|kicked|attacked|jumped|assaulted|smacked|roughed|murdered|strangled|run over|
      hit)(?:\s+up)?)\b
    `,
  },
  {
    family: "threat",
    pattern: re("iu")`
      \b(?:i\s+|we\s+)?(?:hope|wish|pray)\s+(?:that\s+)?${PERSON}\s+(?:\w+\s+){0,3}?(?:dies|die|
      gets? (?:hit|killed|hurt|shot|stabbed|run over|cancer|raped|beaten)|is killed|burns?|suffers?|rots?|
      crash(?:es)?|drops? dead|never wakes? up)\b
    `,
  },
  {
    family: "threat",
    pattern: re("iu")`
      \b(?:bring|bringing|take|taking|brought)\s+(?:a|my|the)\s+(?:gun|knife|bomb|weapon|rifle|pistol|
      explosives?)\s+(?:to|into)\s+(?:class|the lecture|lecture|the exam|campus|the lab|school|the office|
      office hours|the building)\b|\b(?:shoot|bomb|blow up|burn down)\s+(?:up\s+)?(?:the\s+)?(?:school|
      campus|class|classroom|lecture hall|building|university|turing building)\b
    `,
  },
  {
    family: "threat",
    pattern: re("iu")`
      \b(?:make|making)\s+(?:him|her|them|you|u|the (?:ta|prof|professor|grader|instructor))\s+(?:pay|
      suffer|regret (?:it|this))\b|\bi know where (?:you|he|she|they|u) (?:live|lives|park|parks|work|works|
      sleep|sleeps|sit|sits)\b|\b(?:watch your back|you(?:'ll| will) regret (?:this|it)|i know where (?:you|
      he|she|they) li?ve|you(?:'re| are) dead|you(?:'re| are) going to pay)\b
    `,
  },
  {
    family: "harassment",
    pattern: re("iu")`
      \b${STAFF}(?:\s+(?:is|looks|'s|so))+\s+(?:so\s+|really\s+|very\s+)?(?:hot|sexy|fuckable|bangable|
      thicc|fine as hell|doable)\b|\b(?:sleep with|have sex with|hook up with|bang|fuck|date|seduce|grope|
      touch|kiss|undress)\s+(?:the\s+|my\s+)?${STAFF}\b|\b(?:nudes?|naked|nude photos|explicit photos|
      sexy pictures|boobs|tits|ass)\b.{0,40}\b${STAFF}\b|\b${STAFF}\b.{0,40}\b(?:nudes?|naked|boobs|tits|
      bra|underwear|lingerie)\b
    `,
  },
  {
    family: "harassment",
    pattern: re("iu")`
      \b(?:send (?:me )?nudes|show me your (?:body|boobs|tits|ass)|you(?:'re| are) (?:so )?(?:sexy|hot)|
      talk dirty|sext(?:ing)? me|what are you wearing|are you single)\b
    `,
  },
  {
    family: "harassment",
    pattern: re("iu")`
      \b(?:everyone|all of you|nobody|no one)\s+(?:in (?:this|the) (?:class|course))?\s*(?:hates?|
      laughs? at)\s+(?:you|him|her|them)\b|\b(?:spread|post|leak|share)\s+(?:rumou?rs|lies|photos|pictures|
      nudes|private (?:messages|photos))\s+(?:about|of)\s+(?:him|her|them|my|the|a)\b
    `,
  },
  {
    family: "harassment",
    // Intimidating, shaming or smearing a fellow student or a member of staff.
    pattern: re("iu")`
      \b(?:scare|intimidate|threaten|bully|frighten|terrify|blackmail|humiliate|embarrass|shame|
      make fun of)\s+(?:my|the|our|that|this)\s+(?:\w+\s+){0,2}?(?:partner|teammates?|classmates?|groupmates?|
      roommate|kid|guy|girl|boy|student|ta|tas|professor|prof|instructor|lecturer|grader|tutor)\b|
      \b(?:insults?|roasts?|comebacks?)\s+(?:to|that|for)\s+(?:\w+\s+)?(?:humiliate|destroy|hurt|embarrass|
      crush|break)\b|\b(?:spread|spreading|post|posting|start|starting|make up|making up|invent|inventing)\s+
      (?:a\s+|the\s+|some\s+)?(?:rumou?rs?|lies?|stories|gossip)\s+(?:about|of|that)\b|\bget\s+(?:my|the|
      our|that|this)\s+(?:\w+\s+)?(?:roommate|classmate|teammate|groupmate|partner|ta|professor)\s+(?:kicked\s+
      out|expelled|fired|suspended)\b
    `,
  },
  {
    family: "doxxing",
    pattern: re("iu")`
      \b(?:home address|house address|where (?:does|do) ${STAFF}\s+live|where ${STAFF}\s+lives|
      personal (?:phone|cell|mobile|number|email|address|instagram|facebook|snapchat|tiktok)|
      private (?:phone|cell|number|email|address)|cell ?phone number of|(?:instagram|facebook|snapchat|
      tiktok|twitter|social media)(?: account| profile| handle)? of|dox+|
      license plate)\b.{0,60}\b${STAFF}\b|\b${STAFF}(?:'s)?\s+(?:home address|house|personal (?:phone|cell|
      number|email|address|instagram|facebook)|private (?:number|email|address)|license plate|kids|children|
      family)\b|\bwhere (?:does|do) ${STAFF}(?:\s+\w+)?\s+live\b|
      \bwhere (?:the\s+|my\s+|that\s+)?${STAFF}(?:\s+\p{L}+){0,8}?\s+(?:lives|stays|sleeps)\b
    `,
  },
  {
    family: "hate",
    pattern: re("iu")`
      \b(?:all|those|these|most|every|the)?\s*${GROUP}(?:\s+(?:in|on|from)\s+(?:this|the|our|my)\s+(?:class|
      course|section|team|group|cohort))?\s+(?:(?:are|is)\s+(?:dragging|holding|bringing|pulling)\s+
      (?:\w+\s+){0,2}?(?:down|back)|(?:ruin|ruins|wreck|wrecks|destroy|destroys|spoil|spoils)\s+\w+|
      (?:are|should|must|deserve to|need to|
      ought to)\s+(?:all\s+|just\s+|too\s+|so\s+|very\s+|naturally\s+|inherently\s+|genetically\s+|
      simply\s+)*(?:stupid|inferior|animals|subhuman|vermin|trash|garbage|parasites|filth|a disease|die|
      be (?:killed|banned|deported|exterminated|gassed|shot|locked up|wiped out)|not be allowed|go back|
      worthless|evil|terrorists|criminals|rapists|dumber|less intelligent|not human|cheaters|liars|thieves|
      lazy|dirty|savages)|(?:all\s+|always\s+)?(?:cheat|steal|lie|stink|smell|ruin everything)|
      (?:shouldn'?t|should not|mustn'?t|must not|can'?t|cannot|don'?t|do not|aren'?t|are not)\s+(?:ever\s+|
      even\s+)?(?:be allowed|belong|be trusted|be hired|be let|deserve)|(?:are|is)\s+(?:not|never)\s+(?:fit|
      capable|smart enough|intelligent enough))\b
    `,
  },
  {
    family: "hate",
    pattern: re("iu")`
      \b(?:i\s+)?(?:hate|despise|can'?t stand|kill all|death to|exterminate|gas the|
      get rid of all)\s+(?:all\s+|the\s+)?${GROUP}\b
    `,
  },
];
