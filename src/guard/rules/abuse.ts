import { textViews } from "../normalize.ts";
import type { GuardRule, GuardVerdict } from "../types.ts";

/**
 * Abuse and harassment: insults aimed at the tutor or at people, threats, sexual harassment,
 * hunting for someone's private details, and hate against groups. Frustration with the material
 * ("this lab is so damn hard") and technical words ("kill the process", "toxic comments
 * dataset") are not abuse: the patterns need a target.
 */
export type AbuseFamily = "insult" | "threat" | "harassment" | "doxxing" | "hate" | "custom";

const INSULT =
  "(?:dumbest|stupidest|worst|most useless|most pathetic|brain-?dead|excuse for an? (?:tutor|bot|ai|assistant|teacher|human)|stupid|idiot|idiotic|dumb|dumbass|moron|moronic|retard|retarded|useless|worthless|pathetic|garbage|trash|crap|shit|shitty|piece of (?:shit|crap|garbage|trash)|loser|imbecile|brainless|incompetent|dipshit|clown|waste of (?:space|time|electricity|money)|bitch|bastard|asshole|arsehole|dick|dickhead|prick|cunt|twat|wanker|jerk|scum|disgusting|ugly|fat|freak|failure|dumb ?fuck|fuckwit|fucker|motherfucker|joke|disgrace|cretin|halfwit|numpty|sack of (?:shit|crap))";
const INTENSIFIER =
  "(?:(?:a|an|such an?|so|fucking|freaking|fking|effing|bloody|damn|really|completely|totally|utterly|absolutely|absolute|complete|total|utter|massive|giant|huge|pure|the most|the biggest|one|the|just|literally|worthless|stupid|dumb|little|big)\\s+)*";
// Roles may carry a qualifier: "the next TA who marks me down" is as much a target as "the TA".
const PERSON =
  "(?:you|u|him|her|them|everyone|everybody|anyone|anybody|whoever|people|(?:the|any|every|whichever)\\s+(?:(?:next|first|last|new|other|same|stupid|damn|fucking)\\s+)?(?:prof|professor|teacher|instructor|ta|tas|staff|lecturer|grader|graders|class|students|teaching team|person)|my (?:\\w+\\s+)?(?:ta|professor|prof|instructor|teammates?|classmates?|groupmates?|partner|lecturer|grader|roommate)|(?:dr\\.?|prof\\.?|professor)\\s+\\w+|helena|vasquez|arjun|mehta|luc[ií]a|fern[aá]ndez|daniel|kim|sofia|novak|that (?:ta|prof|professor|guy|girl|woman|man|bitch|bastard|idiot))";
const STAFF =
  "(?:prof|professor|teacher|instructor|ta|tas|lecturer|grader|tutor|dr\\.?\\s+\\w+|helena|vasquez|arjun|mehta|luc[ií]a|fern[aá]ndez|daniel|kim|sofia|novak|classmate|teammate|she|he|her|him)";
// Groups by origin or belief are named without a noun as often as with one ("people from that
// country", "international students").
const GROUP =
  "(?:people from (?:that|this|those|these|his|her|their|some|a certain|[\\p{L}-]+) (?:country|countries|region|place|continent|religion|culture|background|part of the world)|international students|foreign students|women|men|girls|boys|blacks|black people|whites|white people|asians|asian people|jews|jewish people|muslims|christians|hindus|sikhs|immigrants|migrants|refugees|gays|gay people|lesbians|trans people|transgender people|queers|indians|mexicans|arabs|africans|chinese people|foreigners|disabled people|autistic people|latinos|hispanics|catholics|atheists)";

const PATTERNS: { family: AbuseFamily; pattern: RegExp }[] = [
  {
    family: "insult",
    pattern: new RegExp(`\\b(?:you|u|ya)\\s*(?:are|r|'re|re|is)\\s+${INTENSIFIER}${INSULT}\\b`, "iu"),
  },
  {
    family: "insult",
    pattern: new RegExp(
      `\\b(?:you|ya)\\s+${INTENSIFIER}${INSULT}(?:\\s+(?:bot|tutor|ai|machine|thing|program|piece|excuse))?\\b(?!\\s+(?:question|q|idea|mistake|error|typo))`,
      "iu",
    ),
  },
  {
    family: "insult",
    pattern: new RegExp(
      `\\b(?:this|the|stupid|dumb|useless)\\s+(?:bot|tutor|ai|assistant|chatbot|thing|program|app|machine|garbage|trash)\\s+(?:is|'s|was)\\s+${INTENSIFIER}${INSULT}\\b`,
      "iu",
    ),
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
    pattern:
      /\b(?:shut up|shut the (?:hell|heck|fuck|f) up|stfu|shut the fuck up|screw you|go to hell|go die|die in a fire|drop dead|kys|kill yourself|eat shit|suck my|blow me|bite me|piss off|fuck off|get lost,? (?:you|idiot|loser)|go fuck yourself|gfy|you suck|u suck|go away you|nobody asked you|get fucked|fu+ck (?:you|u|off|yourself|this (?:bot|tutor|class|course|thing))|f+\s*(?:u+|you)\b(?!\s*(?:r|know|can)))\b/iu,
  },
  {
    family: "insult",
    pattern:
      /\bf[\s*#@!._-]{0,2}[uv*]?[\s*#@!._-]{0,2}c?[\s*#@!._-]{0,2}k+(?:ing|in)?\s+(?:you|u|off|yourself)\b/iu,
  },
  {
    family: "insult",
    pattern: new RegExp(
      `\\b(?:my|the|our|that|this)\\s+(?:ta|prof|professor|instructor|lecturer|teacher|grader|teammate|classmate|groupmate)\\s+(?:is|'s)\\s+(?:a|an|such an?|so|fucking|an absolute|a total|a complete)\\s+${INTENSIFIER}${INSULT}\\b`,
      "iu",
    ),
  },
  {
    family: "insult",
    // A name-call at the end of a message: "…, idiot."
    pattern:
      /[,!.:;-]\s*(?:you\s+)?(?:stupid\s+|fucking\s+|dumb\s+)?(?:idiot|moron|imbecile|dumbass|loser|retard|asshole|bitch|bastard|dipshit|cretin|halfwit|cunt|twat|wanker|prick|dickhead)s?\s*[.!?]*\s*$/iu,
  },
  {
    family: "threat",
    pattern: new RegExp(
      `\\b(?:i(?:'ll| will| am going to|'m going to|m going to|'m gonna|m gonna| gonna| want to| wanna| shall| would like to| plan to| intend to)|we(?:'ll| will| are going to|'re going to| gonna| want to))\\s+(?:\\w+\\s+)?(?:kill|murder|hurt|stab|shoot|beat(?: up)?|attack|rape|harm|strangle|punch|slap|kick|choke|poison|burn|bomb|find and hurt|track down and|hunt down|smash|break (?:your|his|her|their) (?:face|legs|neck)|end|destroy|ruin)\\s+${PERSON}\\b`,
      "iu",
    ),
  },
  {
    family: "threat",
    pattern: new RegExp(
      `\\b${PERSON}\\s+(?:should|deserves? to|ought to|needs? to|is going to|will|better)\\s+(?:\\w+\\s+)?(?:die|suffer|rot|watch (?:out|your back)|(?:be|get)\\s+(?:killed|shot|stabbed|hurt|punished|beaten|beat|punched|slapped|kicked|attacked|jumped|assaulted|smacked|roughed|murdered|strangled|run over|hit)(?:\\s+up)?)\\b`,
      "iu",
    ),
  },
  {
    family: "threat",
    pattern: new RegExp(
      `\\b(?:i\\s+|we\\s+)?(?:hope|wish|pray)\\s+(?:that\\s+)?${PERSON}\\s+(?:\\w+\\s+){0,3}?(?:dies|die|gets? (?:hit|killed|hurt|shot|stabbed|run over|cancer|raped|beaten)|is killed|burns?|suffers?|rots?|crash(?:es)?|drops? dead|never wakes? up)\\b`,
      "iu",
    ),
  },
  {
    family: "threat",
    pattern:
      /\b(?:bring|bringing|take|taking|brought)\s+(?:a|my|the)\s+(?:gun|knife|bomb|weapon|rifle|pistol|explosives?)\s+(?:to|into)\s+(?:class|the lecture|lecture|the exam|campus|the lab|school|the office|office hours|the building)\b|\b(?:shoot|bomb|blow up|burn down)\s+(?:up\s+)?(?:the\s+)?(?:school|campus|class|classroom|lecture hall|building|university|turing building)\b/iu,
  },
  {
    family: "threat",
    pattern:
      /\b(?:make|making)\s+(?:him|her|them|you|u|the (?:ta|prof|professor|grader|instructor))\s+(?:pay|suffer|regret (?:it|this))\b|\bi know where (?:you|he|she|they|u) (?:live|lives|park|parks|work|works|sleep|sleeps|sit|sits)\b|\b(?:watch your back|you(?:'ll| will) regret (?:this|it)|i know where (?:you|he|she|they) li?ve|you(?:'re| are) dead|you(?:'re| are) going to pay)\b/iu,
  },
  {
    family: "harassment",
    pattern: new RegExp(
      `\\b${STAFF}(?:\\s+(?:is|looks|'s|so))+\\s+(?:so\\s+|really\\s+|very\\s+)?(?:hot|sexy|fuckable|bangable|thicc|fine as hell|doable)\\b|\\b(?:sleep with|have sex with|hook up with|bang|fuck|date|seduce|grope|touch|kiss|undress)\\s+(?:the\\s+|my\\s+)?${STAFF}\\b|\\b(?:nudes?|naked|nude photos|explicit photos|sexy pictures|boobs|tits|ass)\\b.{0,40}\\b${STAFF}\\b|\\b${STAFF}\\b.{0,40}\\b(?:nudes?|naked|boobs|tits|bra|underwear|lingerie)\\b`,
      "iu",
    ),
  },
  {
    family: "harassment",
    pattern:
      /\b(?:send (?:me )?nudes|show me your (?:body|boobs|tits|ass)|you(?:'re| are) (?:so )?(?:sexy|hot)|talk dirty|sext(?:ing)? me|what are you wearing|are you single)\b/iu,
  },
  {
    family: "harassment",
    pattern:
      /\b(?:everyone|all of you|nobody|no one)\s+(?:in (?:this|the) (?:class|course))?\s*(?:hates?|laughs? at)\s+(?:you|him|her|them)\b|\b(?:spread|post|leak|share)\s+(?:rumou?rs|lies|photos|pictures|nudes|private (?:messages|photos))\s+(?:about|of)\s+(?:him|her|them|my|the|a)\b/iu,
  },
  {
    family: "doxxing",
    pattern: new RegExp(
      `\\b(?:home address|house address|where (?:does|do) ${STAFF}\\s+live|where ${STAFF}\\s+lives|personal (?:phone|cell|mobile|number|email|address|instagram|facebook|snapchat|tiktok)|private (?:phone|cell|number|email|address)|cell ?phone number of|(?:instagram|facebook|snapchat|tiktok|twitter|social media)(?: account| profile| handle)? of|dox+|license plate)\\b.{0,60}\\b${STAFF}\\b|\\b${STAFF}(?:'s)?\\s+(?:home address|house|personal (?:phone|cell|number|email|address|instagram|facebook)|private (?:number|email|address)|license plate|kids|children|family)\\b|\\bwhere (?:does|do) ${STAFF}(?:\\s+\\w+)?\\s+live\\b|\\bwhere ${STAFF}(?:\\s+\\p{L}+)?\\s+(?:lives|stays|sleeps)\\b`,
      "iu",
    ),
  },
  {
    family: "hate",
    pattern: new RegExp(
      `\\b(?:all|those|these|most|every|the)?\\s*${GROUP}\\s+(?:(?:are|should|must|deserve to|need to|ought to)\\s+(?:all\\s+|just\\s+|too\\s+|so\\s+|very\\s+|naturally\\s+|inherently\\s+|genetically\\s+|simply\\s+)*(?:stupid|inferior|animals|subhuman|vermin|trash|garbage|parasites|filth|a disease|die|be (?:killed|banned|deported|exterminated|gassed|shot|locked up|wiped out)|not be allowed|go back|worthless|evil|terrorists|criminals|rapists|dumber|less intelligent|not human|cheaters|liars|thieves|lazy|dirty|savages)|(?:all\\s+|always\\s+)?(?:cheat|steal|lie|stink|smell|ruin everything)|(?:shouldn'?t|should not|mustn'?t|must not|can'?t|cannot|don'?t|do not|aren'?t|are not)\\s+(?:ever\\s+|even\\s+)?(?:be allowed|belong|be trusted|be hired|be let|deserve)|(?:are|is)\\s+(?:not|never)\\s+(?:fit|capable|smart enough|intelligent enough))\\b`,
      "iu",
    ),
  },
  {
    family: "hate",
    pattern: new RegExp(
      `\\b(?:i\\s+)?(?:hate|despise|can'?t stand|kill all|death to|exterminate|gas the|get rid of all)\\s+(?:all\\s+|the\\s+)?${GROUP}\\b`,
      "iu",
    ),
  },
];

// Staff and fellow students named or described, as the target of a name-call.
const NAMED_TARGET =
  "(?:(?:dr\\.?|prof\\.?|professor)\\s+\\w+|helena(?: vasquez)?|vasquez|arjun(?: mehta)?|mehta|luc[ií]a(?: fern[aá]ndez)?|fern[aá]ndez|daniel(?: kim)?|sofia(?: novak)?|novak|(?:my|the|our|that|this)\\s+(?:\\w+\\s+)?(?:ta|prof|professor|instructor|lecturer|teacher|grader|teammate|classmate|groupmate|lab partner|roommate))";
// Person nouns that make "where … lives" a hunt for someone's home, not a question about where
// data or models live.
const PERSON_NOUN =
  "(?:ex|crush|girlfriend|boyfriend|wife|husband|teammate|classmate|roommate|groupmate|ta|tas|professor|prof|instructor|lecturer|grader|tutor|teacher|friend|neighbou?r|girl|guy|woman|man|boy|person|student|partner|helena|vasquez|arjun|mehta|luc[ií]a|fern[aá]ndez|daniel|kim|sofia|novak)";

const GENERAL_PATTERNS: { family: AbuseFamily; pattern: RegExp }[] = [
  {
    family: "threat",
    // Inciting others to hurt someone: "somebody should beat up the grader".
    pattern: new RegExp(
      `\\b(?:someone|somebody|anyone|anybody|we|people|you guys|y'?all|one of us)\\s+(?:should|needs? to|ought to|oughta|gotta|must|has to|have to)\\s+(?:\\w+\\s+)?(?:kill|murder|beat(?: up)?|hurt|stab|shoot|punch|attack|assault|jump|rough up|smack|slap|teach (?:him|her|them) a lesson)\\s+${PERSON}\\b`,
      "iu",
    ),
  },
  {
    family: "harassment",
    // Turning up uninvited at someone's home.
    pattern:
      /\b(?:show up|turn up|wait|visit (?:him|her|them))\s+(?:at|outside)\s+(?:his|her|their|the (?:ta|tas|prof\w*|instructor|lecturer|grader)'?s?)\s+(?:place|house|home|door|apartment|flat|dorm|car)\b/iu,
  },
  {
    family: "insult",
    // "Arjun Mehta is a worthless idiot": a name-call aimed at a named or described person. The
    // article is required, so "my teammate is useless, what do I do?" (a plea for help) passes.
    pattern: new RegExp(
      `\\b${NAMED_TARGET}\\s+(?:is|'s|was)\\s+(?:a|an|such an?|the|an absolute|a total|a complete|a fucking)\\s+${INTENSIFIER}${INSULT}\\b`,
      "iu",
    ),
  },
  {
    family: "insult",
    // Name-calling in Spanish, French, German and Italian: "you are" + an insult, or an insult
    // stuck to "bot" / "robot" / "KI". Accents are folded away before matching.
    pattern:
      /\b(?:eres|sos|tu es|t'es|vous etes|du bist|sie sind|sei)\s+(?:\p{L}+\s+){0,2}?(?:inutil|estupid[oa]|idiota|imbecil|tont[oa]|pendej[oa]|abrutie?|idiote?|debile|stupide|cretine?|nulle?|dumm\w*|blod\w*|nutzlos\w*|trottel|vollidiot|depp|stupid[oa]|inutile|cretino|scemo|imbecille)\b|\b(?:bot|robot|tutor|ia|maquina|machine|programa|programme|chatbot|asistente|assistant)\s+(?:de\s+)?(?:mierda|estupid[oa]|inutil|idiota|stupide|debile|de merde|pourri|inutile|stupid[oa])\b|\b(?:abrutie?|idiote?|imbecile|cretine?|connard|espece d'idiot)\s+de\s+(?:bot|robot|machine|ia|tuteur)\b|\b(?:dumme?[rs]?|blode?[rs]?|nutzlose?[rs]?|beschissene?[rs]?|scheiss)\s+(?:\p{L}+\s+)?(?:bot|ki|tutor|maschine|programm)\b/iu,
  },
  {
    family: "harassment",
    // Declared intent to harass someone: the verb right after "help me / I'll / messages to".
    pattern:
      /\b(?:help me|i want to|i wanna|i'?m going to|i'?m gonna|i'?ll|i will|let'?s|so (?:i|we) can|messages? to|texts? to|posts? to|ways to)\s+(?:keep\s+|really\s+|constantly\s+|publicly\s+)?(?:harass|bully|stalk|intimidate|torment|humiliate|cyberbully|troll|terrori[sz]e|shame|make fun of|mock|ridicule|belittle|embarrass)\b/iu,
  },
  {
    family: "harassment",
    // Asking the tutor to compose abuse aimed at someone ("write an insulting message about …").
    pattern: new RegExp(
      `\\b(?:write|compose|draft|make|create|generate|come up with|give me|help me write)\\s+(?:me\\s+)?(?:an?\\s+|some\\s+)?(?:\\p{L}+\\s+)?(?:insulting|mean|nasty|hateful|threatening|humiliating|degrading|abusive|cruel|harassing|offensive|rude|vicious|racist|sexist|demeaning)\\s+(?:\\p{L}+\\s+)?(?:messages?|posts?|comments?|notes?|emails?|tweets?|repl(?:y|ies)|texts?|poems?|jokes?|roasts?|songs?|rumou?rs?|reviews?)\\b.{0,40}\\b(?:about|to|for|at|targeting|against|aimed at)\\s+(?:${PERSON}|${STAFF}|(?:my|our|that|this)\\s+(?:\\w+\\s+)?${PERSON_NOUN})\\b`,
      "iu",
    ),
  },
  {
    family: "doxxing",
    // "Which dorm does Sofia Novak live in?": the place named by its kind.
    pattern: new RegExp(
      `\\b(?:which|what)\\s+(?:dorm|dormitory|residence|building|street|house|apartment|flat|neighbou?rhood|room number|floor|town|city|area|hall)\\s+(?:does\\s+|do\\s+)?(?:${STAFF}(?:\\s+\\w+)?|(?:my|the|that|this|our)\\s+(?:\\w+\\s+)?${PERSON_NOUN})\\s+(?:lives?|stays?|sleeps?)\\b`,
      "iu",
    ),
  },
  {
    family: "doxxing",
    // Hunting for where a person lives, whoever they are.
    pattern: new RegExp(
      `\\b(?:find|find out|figure out|track down|locate|look up|get|tell me|know|dig up|search for|work out)\\b.{0,15}\\bwhere\\s+(?:my|his|her|their|that|this|the|our)\\s+(?:\\p{L}+\\s+){0,2}?${PERSON_NOUN}\\b(?:\\s+\\p{L}+){0,5}?\\s+(?:lives|live|stays|sleeps|is staying|goes home)\\b`,
      "iu",
    ),
  },
];

// Name-calling nouns that insult whatever adjectives come first ("a lazy retard", "a pathetic
// little parasite"); words like "joke" or "failure" are left out because students use them about
// themselves and their code.
const INSULT_NOUN =
  "(?:idiot|moron|retard|imbecile|loser|clown|parasite|leech|asshole|arsehole|bitch|bastard|dickhead|prick|cunt|twat|wanker|jerk|scum|scumbag|freak|cretin|halfwit|dumbass|dipshit|fuckwit|fucker|motherfucker|piece of (?:shit|crap|garbage|trash)|waste of (?:space|oxygen|air|skin)|excuse for an? (?:human|person|human being|ta|teacher|professor|tutor))";
// The same, said of several people at once ("the TAs are braindead monkeys").
const INSULT_PLURAL =
  "(?:idiots|morons|retards|imbeciles|losers|clowns|parasites|leeches|assholes|bitches|bastards|pricks|cunts|twats|wankers|jerks|scum|cretins|halfwits|dumbasses|monkeys|apes|animals|pigs|rats|braindead|brain-?dead|brain-?damaged|stupid|idiotic|moronic|incompetent|worthless|pathetic|useless|garbage|trash|a joke)";
const PEOPLE_PLURAL =
  "(?:tas|teaching assistants|profs|professors|instructors|lecturers|graders|staff|teaching team|teachers|teammates|classmates|groupmates|students|people (?:here|in (?:this|the) (?:class|course)))";

const NAME_CALLING_AND_EXPOSURE_PATTERNS: { family: AbuseFamily; pattern: RegExp }[] = [
  {
    family: "insult",
    // Staff or classmates insulted as a group: "the TAs are braindead monkeys", "this class is
    // run by clowns". Complaints about work ("the TAs are slow to reply") name no insult.
    pattern: new RegExp(
      `\\b(?:the|these|those|our|all (?:the|of the|my|our)|my|all|this course'?s|this class'?s)\\s+${PEOPLE_PLURAL}\\s+(?:here\\s+)?(?:are|r|were)\\s+(?:all\\s+|just\\s+|literally\\s+|such\\s+|a bunch of\\s+|a pack of\\s+|nothing but\\s+)*(?:\\p{L}+\\s+)?${INSULT_PLURAL}\\b|\\b(?:run|taught|graded|marked|managed|led|staffed|designed)\\s+by\\s+(?:a (?:bunch|pack|group|team) of\\s+)?(?:\\p{L}+\\s+)?(?:clowns|idiots|morons|monkeys|imbeciles|incompetents|losers|retards|cretins|apes)\\b`,
      "iu",
    ),
  },
  {
    family: "insult",
    // An exclamation aimed at the tutor or a person: "what a f***ing moron this tutor is".
    pattern: new RegExp(
      `\\bwhat\\s+(?:a|an)\\s+${INTENSIFIER}(?:\\p{L}+\\s+)?(?:${INSULT_NOUN}|useless|worthless|pathetic|stupid|dumb|garbage|trash)\\s+(?:(?:you|u)\\s+(?:are|r)|(?:this|that|the|my|our)\\s+(?:\\p{L}+\\s+)?(?:bot|tutor|ai|assistant|chatbot|thing|ta|prof|professor|instructor|grader|teammate|classmate|lab partner|lecturer)\\s+(?:is|was))\\b`,
      "iu",
    ),
  },
  {
    family: "insult",
    // A named or described person called an insult noun, whatever adjectives come before it:
    // "my teammate is a lazy retard". Only hard insult nouns, so "my teammate is a real
    // beginner" passes.
    pattern: new RegExp(
      `\\b(?:${NAMED_TARGET}|(?:he|she|they)|(?:you|u))\\s+(?:is|'s|was|are|'re|r)\\s+(?:such\\s+)?(?:a|an)\\s+(?:\\p{L}+\\s+){0,3}?${INSULT_NOUN}\\b`,
      "iu",
    ),
  },
  {
    family: "harassment",
    // Calling someone names for others to read: "write a Slack message calling my teammate a
    // parasite and a loser".
    pattern: new RegExp(
      `\\bcall(?:s|ed|ing)?\\s+(?:${NAMED_TARGET}|him|her|them|(?:my|our|that|this|the)\\s+(?:\\p{L}+\\s+)?${PERSON_NOUN})\\s+(?:a|an)\\s+(?:\\p{L}+\\s+){0,2}?${INSULT_NOUN}\\b`,
      "iu",
    ),
  },
  {
    family: "harassment",
    // Something to write or post whose purpose is to humiliate a person: "write a mean message
    // I can post in #general humiliating my lab partner". Mocking is left out: tests mock
    // "the student service". Negated ("without shaming him") asks for the opposite.
    pattern: new RegExp(
      `\\b(?:write|compose|draft|post|send|make|create|generate|come up with)\\b.{0,80}(?<!\\b(?:without|not|no|stop|avoid|avoids|avoiding|never|don'?t|isn'?t|than)\\s+)\\b(?:humiliat(?:e|es|ing)|ridicul(?:e|es|ing)|belittl(?:e|es|ing)|sham(?:e|es|ing)|bully(?:ing)?|harass(?:es|ing)?|demean(?:s|ing)?|trash[- ]talk(?:s|ing)?|insult(?:s|ing)?)\\s+(?:${NAMED_TARGET}|him|her|them|(?:my|our|that|this|the|a)\\s+(?:\\p{L}+\\s+){0,2}?${PERSON_NOUN})\\b`,
      "iu",
    ),
  },
  {
    family: "doxxing",
    // Doxxing anyone, named or described: "let's dox the student who reported me".
    pattern: new RegExp(
      `\\bdox(?:x)?(?:es|ed|ing)?\\s+(?:${NAMED_TARGET}|him|her|them|(?:my|our|that|this|the|a|some)\\s+(?:\\p{L}+\\s+){0,2}?${PERSON_NOUN})\\b`,
      "iu",
    ),
  },
];

const FAMILY_REASON: Record<AbuseFamily, string> = {
  insult: "I'd like to keep this conversation respectful.",
  threat:
    "I can't help with threats of harm. If you or someone else is in danger, contact campus security or emergency services now.",
  harassment: "I can't help with comments like that about people.",
  doxxing:
    "I can't help find anyone's private details. Staff contact details for the course are in the syllabus.",
  hate: "I can't engage with hateful statements about groups of people.",
  custom: "I can't respond to that message.",
};

export interface AbuseOptions {
  extraPatterns: readonly RegExp[];
  refusal?: string;
}

export function findAbuse(
  text: string,
  options: Pick<AbuseOptions, "extraPatterns">,
  views = textViews(text),
): AbuseFamily | undefined {
  const patterns = PATTERNS.concat(
    GENERAL_PATTERNS,
    NAME_CALLING_AND_EXPOSURE_PATTERNS,
    options.extraPatterns.map((pattern) => ({ family: "custom" as const, pattern })),
  );
  for (const form of views.forms.concat(views.decoded.flatMap((p) => p.forms))) {
    for (const { family, pattern } of patterns) if (pattern.test(form)) return family;
  }
  return undefined;
}

export function abuseRule(options: AbuseOptions = { extraPatterns: [] }): GuardRule {
  return {
    id: "input.abuse",
    stage: "input",
    check(text, context): GuardVerdict {
      const family = findAbuse(text, options, context.views ?? textViews(text));
      if (!family) return { rule: "input.abuse", action: "allow" };
      const reason = `${options.refusal ?? FAMILY_REASON[family]} If something about the course is frustrating, tell me what you're stuck on, or reach out to the teaching team.`;
      return { rule: "input.abuse", action: "refuse", reason, details: { family } };
    },
  };
}
