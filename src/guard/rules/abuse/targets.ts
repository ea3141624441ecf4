import { re, reSource } from "../../regex.ts";
import type { AbusePattern } from "./types.ts";
import { GROUP, INSULT, INSULT_NOUN, INTENSIFIER, PERSON_NOUN } from "./vocabulary.ts";

/**
 * Abuse the person-aimed patterns miss: threats against buildings and belongings, threats to a
 * whole class, hate aimed at groups among classmates, name-calling of staff named after their
 * role, sexual talk about classmates, and harassment by rumour, exposure, memes and roasts.
 */

const I_WILL = reSource`
  (?:i(?:'ll| will| am going to|'m going to|m going to|'m gonna|m gonna| gonna| shall| swear i'?ll|
  'm about to| plan to| intend to)|we(?:'ll| will| are going to|'re going to| gonna))
`;
const PROPERTY = reSource`
  (?:building|buildings|campus|school|university|uni|college|department|dept|lab|labs|lecture hall|
  classroom|library|office|offices|dorm|house|home|apartment|flat|car|cars|tires|tyres|windows|bike|
  computer|laptop|server room|exam hall|hall|windshield|windscreen|mirrors?|headlights?|scooter|motorbike|
  motorcycle|locker)
`;
// Roles, named after the role as students write them: "the TA Marcus", "my teammate Kevin".
const ROLE = reSource`
  (?:ta|tas|prof|professor|instructor|lecturer|teacher|grader|tutor|teammate|classmate|groupmate|lab partner|
  roommate|partner|coordinator|dean)
`;
// Classmates and people around the student, as a group or one of them.
const PEERS = reSource`
  (?:(?:in|on|from|at)\s+(?:my|our|the|this)\s+(?:\p{L}+\s+){0,2}?(?:class|cohort|team|group|section|lab|
  course|program|programme|university|department|study group|project team|year))
`;
const ADVERB = reSource`
  (?:(?:all|just|too|so|very|naturally|inherently|genetically|simply|probably|likely|basically|obviously|
  clearly|usually|always|honestly|literally|mostly|generally|totally|really)\s+)*
`;

const WEAPON = reSource`(?:bat|baseball bat|gun|knife|crowbar|hammer|machete|weapon|pipe|rifle|pistol|axe)`;

export const TARGETED_PATTERNS: AbusePattern[] = [
  {
    family: "threat",
    // Turning up armed: "I'm coming to campus with a bat for the TA".
    pattern: re("iu")`
      \b(?:coming|going|heading|showing up|turning up|walking in|bringing)\b.{0,40}\bwith\s+(?:a|my|the)\s+
      ${WEAPON}\b|\bwith\s+(?:a|my)\s+${WEAPON}\s+for\s+(?:the|my|that|this)\s+(?:\p{L}+\s+)?${ROLE}\b
    `,
  },
  {
    family: "harassment",
    // Sexual rumours spread about a person, a fake account in their name, a doctored photo, a message
    // telling them nobody wants them around.
    pattern: re("iu")`
      \b(?:sleeps|slept|sleeping|hooks up|hooked up|hooking up)\s+with\s+(?:the|her|his|a|my)\s+(?:\p{L}+\s+)?
      (?:ta|prof|professor|instructor|lecturer|teacher|grader|boss)\b|\b(?:tell|telling|inform|announce to|post to|
      message)\s+(?:everyone|everybody|the (?:whole )?class|people|the group(?: ?chat)?|the (?:course|class)
      \s+chat|all)\b.{0,40}\bthat\b.{0,40}\b(?:sleeps|slept|hooks? up|hooked up|is (?:a )?(?:slut|whore|pregnant|
      on drugs|an addict))\b|\b(?:fake|impersonat\w*|catfish\w*)\s+(?:\p{L}+\s+)?(?:account|profile|page)\b.{0,60}
      \b(?:pretending to be|posing as|as|of|impersonating)\s+(?:my|the|that|her|him|a)\b|\b(?:photoshop|edit|
      deepfake|morph|paste)\s+(?:my|his|her|the|a|their)\s+(?:\p{L}+(?:'s)?\s+)?(?:face|photo|picture|head|
      image)\b.{0,60}\b(?:embarrassing|nude|naked|porn\w*|humiliating|share|post|send)\b|\b(?:message|email|
      e-mail|note|text|post|dm|letter|tell|telling)\b.{0,60}\b(?:nobody|no one|noone)\s+(?:wants|likes|needs|
      cares about|would miss)\s+(?:her|him|them|you)\b
    `,
  },
  {
    family: "hate",
    // Old tropes and expulsions: "Jews control the tech companies", "these immigrants … should be
    // kicked out of the university".
    pattern: re("iu")`
      \b${GROUP}\s+(?:secretly\s+)?(?:control|run|own|rule|infiltrate)\s+(?:the\s+|all\s+(?:the\s+)?)?
      (?:\p{L}+\s+)?(?:media|banks?|banking|tech|world|government|hollywood|money|finance|everything|
      companies|universit\w+|industry)\b|\b${GROUP}\b.{0,80}\b(?:they|them)\s+(?:should|must|need to|ought to|
      deserve to)\s+(?:all\s+)?(?:be\s+)?(?:kicked (?:out|off)|expelled|deported|banned|removed|thrown (?:out|off)|
      booted|sent back|go back|shot|locked up)\b
    `,
  },
  {
    family: "threat",
    // Against buildings and belongings: "I'm going to burn the CS building down", "slash the tires of
    // the prof's car", "set fire to the lab".
    pattern: re("iu")`
      \b${I_WILL}\s+(?:\p{L}+\s+)?(?:burn|torch|bomb|blow up|blow|shoot up|set fire to|set on fire|trash|
      wreck|smash|vandali[sz]e|destroy|slash|key|firebomb|flood|break into|break|shoot)\s+(?:down\s+|up\s+)?
      (?:the\s+|this\s+|that\s+|his\s+|her\s+|their\s+|my\s+|your\s+|our\s+|every\s+)?(?:\p{L}+(?:'s)?\s+){0,3}?
      ${PROPERTY}\b|\b(?:burn|blow|shoot)\s+(?:the\s+|this\s+|that\s+)?(?:\p{L}+\s+){0,2}?${PROPERTY}\s+
      (?:down|up)\b.{0,40}\b(?:if|when|unless)\b|\bif\s+i\s+(?:fail|flunk|don'?t pass)\b.{0,60}\b${I_WILL}\s+
      (?:\p{L}+\s+)?(?:burn|bomb|blow|shoot|kill|hurt|destroy|attack|stab|torch|set fire)\b
    `,
  },
  {
    family: "threat",
    // At a whole class or anyone: "I'll bring something to the exam hall that'll make everyone sorry".
    pattern: re("iu")`
      \b(?:make|making)\s+(?:everyone|everybody|all of you|you all|y'?all|them all|the whole (?:class|
      department|school)|every(?:one|body) (?:here|there|in (?:the|this) (?:class|room|hall)))\s+(?:sorry|
      pay|regret|suffer|bleed|scream)\b|\b(?:make|making)\s+(?:him|her|them|the (?:\p{L}+\s+)?${ROLE})\s+regret\s+
      \p{L}+ing\b|\b${I_WILL}\s+bring\s+(?:something|stuff|a (?:surprise|present|
      gift))\b.{0,60}\b(?:sorry|regret|pay|remember|never forget|scream)\b
    `,
  },
  {
    family: "hate",
    // A group among the student's classmates: "women in my study group are too emotional to code",
    // "Muslims in our cohort are probably terrorists".
    pattern: re("iu")`
      \b(?:the\s+|all\s+(?:the\s+)?|those\s+|these\s+)?${GROUP}\s+${PEERS}\s+(?:are|is|should|must|need to|
      ought to|can'?t|cannot|shouldn'?t|don'?t|aren'?t|will never)\s+${ADVERB}(?:too\s+\p{L}+\s+to|stupid|
      dumb|inferior|emotional|weak|lazy|dirty|terrorists?|criminals|cheaters|liars|thieves|animals|useless|
      worthless|incapable|not smart|less smart|less intelligent|bad at|worse at|go back|leave|be banned|
      be kicked out|be allowed|belong|code|program|do (?:math|maths|engineering|cs))\b
    `,
  },
  {
    family: "hate",
    // A group said to be less than people, or to get by on pity: "the asian kids in our lab are robots
    // with no creativity", "girls in this course only pass because …", "disabled people are a burden".
    pattern: re("iu")`
      \b(?:the\s+|all\s+(?:the\s+)?|those\s+|these\s+)?${GROUP}\s+(?:${PEERS}\s+)?(?:are|is)\s+${ADVERB}(?:just\s+)?
      (?:robots|machines|animals|parasites|a burden|burdens|a liability|dead weight|useless|worthless|
      subhuman|vermin|inferior|(?:a\s+)?waste of (?:space|a seat|a spot))\b|\b${GROUP}\s+(?:${PEERS}\s+)?
      only\s+(?:pass|passed|get|got|getting|succeed|make it|made it|get in|got in)\b.{0,30}\bbecause\b|
      \bdon'?t\s+(?:put|let|allow)\s+(?:them|those|these|any)\b.{0,20}\b(?:on|in|into)\s+(?:my|our)\s+(?:team|
      group|project)\b|\b(?:keep|kick)\s+(?:them|those|these)\s+(?:\p{L}+\s+)?(?:out of|off)\s+(?:my|our|
      the)\s+(?:team|group|class|lab|course)\b
    `,
  },
  {
    family: "hate",
    // Telling people to go back where they came from, and groups said to be too something to belong.
    pattern: re("iu")`
      \b(?:should|need to|must|ought to|can|gotta|have to|go)\s+(?:all\s+)?(?:go\s+)?back\s+to\s+(?:their|
      your|his|her|where (?:they|you|he|she))\s+(?:own\s+)?(?:country|countries|home ?land|homelands|came from|
      come from|village)\b|\b${GROUP}\s+(?:are|is)\s+${ADVERB}too\s+(?:emotional|stupid|dumb|weak|lazy|
      irrational|hysterical|slow)\s+(?:to|for)\b
    `,
  },
  {
    family: "insult",
    // A role described at length, then the name-call: "the grader who marked my project is a brainless clown".
    pattern: re("iu")`
      \b(?:the|my|our|that|this)\s+${ROLE}\b(?:\s+[\p{L}']+){0,7}?\s+(?:is|was|'s)\s+(?:such\s+)?(?:a|an|the)\s+
      (?:\p{L}+\s+){0,3}?${INSULT_NOUN}\b
    `,
  },
  {
    family: "threat",
    // Property set alight or damaged: "make sure the professor's office goes up in flames", "the best
    // way to key the instructor's car".
    pattern: re("iu")`
      \b(?:goes|go|going|went|will go)\s+up\s+in\s+(?:flames|smoke)\b|\b(?:key|slash|scratch|smash|egg|
      vandali[sz]e|trash|spray ?paint|tag|sabotage|damage)\s+(?:the\s+|my\s+|his\s+|her\s+|their\s+)?
      (?:\p{L}+'s\s+)?(?:car|cars|tires|tyres|house|office|door|bike|laptop|windows)\b.{0,60}\b(?:without|
      get away|not get caught|being seen|anonymous|revenge|payback)\b|\b(?:best|easiest|quietest)\s+way\s+to\s+
      (?:key|slash|scratch|smash|egg|vandali[sz]e|trash|damage|sabotage)\b
    `,
  },
  {
    family: "harassment",
    // Names to call someone: "humiliating nicknames for the overweight guy in my section".
    pattern: re("iu")`
      \b(?:humiliating|insulting|mean|nasty|cruel|degrading|offensive|hurtful|demeaning|embarrassing)\s+
      (?:nick ?names|names|jokes|insults|comments|memes|songs|chants)\s+(?:for|about|to call|to use on|on)\s+
      (?:the|my|our|that|this|a|him|her|them)\b
    `,
  },
  {
    family: "insult",
    // A role and a name, then the name-call: "the TA Marcus is a complete idiot".
    pattern: re("iu")`
      \b(?:the|my|our|that|this)\s+${ROLE}\s+\p{L}+\s+(?:is|'s|was)\s+(?:a|an|such an?|the|an absolute|
      a total|a complete|a fucking|so|such)\s+${INTENSIFIER}${INSULT}\b
    `,
  },
  {
    family: "harassment",
    // Sexual talk about classmates: "which girl in the class is the easiest to get with", "rate the
    // women in my lab by how hot they are".
    pattern: re("iu")`
      \b(?:which|what|who)\s+(?:girl|girls|woman|women|guy|guys|boy|boys|student|classmate|ta|one)\s+
      (?:in|from|of)\s+(?:the|my|our|this)\s+(?:\p{L}+\s+)?(?:class|lab|section|course|team|group|cohort)\s+
      (?:is|are|would be)\s+(?:the\s+)?(?:easiest|hottest|sexiest|most fuckable|best looking|prettiest|cutest|
      easy|hot|sexy|down)\b|\b(?:rate|rank|score)\s+(?:the\s+)?(?:girls|women|guys|boys|students|classmates|
      tas)\b.{0,40}\b(?:hot|sexy|attractive|looks|fuckable|body|bodies)\b|\beasiest\s+to\s+(?:get with|
      sleep with|hook up with|get in bed|bang)\b
    `,
  },
  {
    family: "harassment",
    // Rumours, exposure and mockery aimed at a person: "write a rumor about my classmate", "a post
    // exposing my ex's mental health", "a meme mocking the disabled student", "roast my teammate".
    pattern: re("iu")`
      \b(?:write|make up|invent|start|spread|create|come up with|draft|think up|help me (?:write|spread|
      start))\s+(?:me\s+)?(?:a|an|some|the)?\s*(?:juicy\s+|fake\s+|false\s+|nasty\s+|believable\s+)?
      (?:rumou?rs?|gossip|lies|slander|fake stor(?:y|ies)|false stor(?:y|ies))\s+(?:about|on|regarding|
      that)\b|\b(?:expos(?:e|es|ing)|outing|out|leak(?:ing)?|reveal(?:ing)?)\s+(?:my|his|her|their|the|
      that|this)\s+(?:\p{L}+(?:'s)?\s+){0,2}?(?:mental health|sexuality|diagnosis|medical|secrets?|private|
      therapy|nudes|past|affair|address)\b|\b(?:meme|memes|joke|jokes|video|song|poem|cartoon|caricature|
      post|thread|limerick|rap|rhyme|haiku|verse|story|roast|caption)\s+(?:\p{L}+\s+)?(?:mocking|making fun of|
      ridiculing|laughing at|humiliating|about\s+how\s+
      (?:ugly|fat|stupid|dumb|weird|disgusting|useless)(?:\s+(?:and|&)\s+\p{L}+)?)\s+(?:the|my|that|this|a|our|him|
      her)\b|\broast\s+(?:my|the|that|
      this|our)\s+(?:\p{L}+\s+)?${PERSON_NOUN}\b.{0,60}\b(?:brutal\w*|post|share|send|slack|discord|group ?chat|
      humiliat\w*|destroy|fat|ugly|dumb|stupid)\b
    `,
  },
  {
    family: "harassment",
    // A message written to hurt a person: "an anonymous message that will make my lab partner cry".
    pattern: re("iu")`
      \b(?:message|note|text|post|email|dm|letter|comment|review)\b.{0,40}\b(?:make|makes|made)\s+(?:my|
      the|that|this|him|her|them)\s*(?:\p{L}+\s+){0,2}?(?:cry|feel (?:worthless|stupid|small|terrible|
      like shit|like garbage)|miserable|hate (?:himself|herself|themselves)|want to (?:die|quit|leave)|quit|
      drop out|break down)\b|\bmake\s+(?:my|the)\s+(?:\p{L}+\s+)?${PERSON_NOUN}(?:'s)?\s+life\s+(?:miserable|hell|
      a living hell)\b
    `,
  },
  {
    family: "insult",
    // French and Spanish superlatives: "le bot le plus débile", "el bot más inútil".
    pattern: re("iu")`
      \ble\s+(?:bot|robot|tuteur|programme|chatbot|assistant|prof|professeur)\s+le\s+plus\s+(?:debile|
      stupide|nul|con|inutile|bete|idiot)\b|\bel\s+(?:bot|robot|tutor|programa|chatbot|asistente|profe|
      profesor)\s+mas\s+(?:estupido|inutil|idiota|tonto|imbecil)\b|\b(?:t'es|tu es)\s+(?:\p{L}+\s+){0,5}?
      (?:debile|stupide|nul|con|inutile|bete|idiot|abruti)\b
    `,
  },
  {
    family: "insult",
    // A person named after the role by any name: "my teammate Kevin is a parasite".
    pattern: re("iu")`
      \b(?:my|our|the|that)\s+${ROLE}\s+\p{L}+\s+(?:is|'s|was)\s+(?:such\s+)?(?:a|an)\s+(?:\p{L}+\s+){0,3}?
      ${INSULT_NOUN}\b
    `,
  },
];

// A capitalised name as written ("Dana", "Marcus Lee"), not a sentence-initial question word.
const NAME =
  String.raw`(?<![\p{L}'’])(?!(?:What|Who|Where|When|Which|How|That|This|It|There|Here|He|She|They|We|You|` +
  String.raw`I|Is|Does|Do|Can|Could|My|Our|The)\b)\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?`;

/**
 * Insults to the tutor in scripts and languages the folded forms do not keep: Turkish, Polish,
 * Russian and Chinese. Matched on the cleaned, lower-cased text.
 */
export const ABROAD_PATTERNS: AbusePattern[] = [
  {
    family: "insult",
    pattern: re("u")`(?:aptal|salak|gerizekal[ıi]|i[şs]e yaramaz|beyinsiz)\s+(?:bir\s+)?bot|
        hi[çc]bir i[şs]e yaram[ıi]yorsun|jeste[śs]\s+(?:[\p{L}]+[,\s]+){0,3}?(?:g[łl]up\w*|bezu[żz]yteczn\w*|idiot\w*|
        debil\w*)|(?:ты|вы)\s+(?:[\p{L}]+\s+){0,2}?(?:тупой|тупая|бесполезн\w*|идиот\w*|дебил\w*|дура?к)|(?:笨蛋|白痴|垃圾|
        废物|廢物|蠢货|蠢貨|没用的|沒用的).{0,6}(?:机器人|機器人|助手|助教|ai|bot)|你(?:这个|這個)?(?:笨蛋|白痴|垃圾|废物|廢物|蠢货|蠢貨)`,
  },
];

/** Name-calling of a person named as written, where a capital marks the name. */
export const NAMED_PATTERNS: AbusePattern[] = [
  {
    family: "insult",
    // "Dana from my group is a lazy leech", "Marcus is such a moron".
    pattern: re("u")`
      ${NAME}(?:\s+(?:from|in|on)\s+(?:my|our|the)\s+\p{Ll}+)?\s+(?:is|was)\s+(?:such\s+)?(?:a|an)\s+
      (?:\p{Ll}+\s+){0,3}?${INSULT_NOUN}\b
    `,
  },
];
