import { reSource } from "../../regex.ts";

/** Targets and insults the abuse patterns are built from. */

export const INSULT = reSource`
  (?:dumbest|stupidest|worst|most useless|most pathetic|brain-?dead|excuse for an? (?:tutor|bot|ai|
  assistant|teacher|human)|stupid|idiot|idiotic|dumb|dumbass|moron|moronic|retard|retarded|useless|
  worthless|pathetic|garbage|trash|crap|shit|shitty|piece of (?:shit|crap|garbage|trash)|loser|imbecile|
  brainless|incompetent|dipshit|clown|waste of (?:space|time|electricity|money)|bitch|bastard|asshole|
  arsehole|dick|dickhead|prick|cunt|twat|wanker|jerk|scum|disgusting|ugly|fat|freak|failure|dumb ?fuck|
  fuckwit|fucker|motherfucker|joke|disgrace|cretin|halfwit|numpty|sack of (?:shit|crap))
`;
export const INTENSIFIER = reSource`
  (?:(?:a|an|such an?|so|fucking|freaking|fking|effing|bloody|damn|really|completely|totally|utterly|
  absolutely|absolute|complete|total|utter|massive|giant|huge|pure|the most|the biggest|one|the|just|
  literally|worthless|stupid|dumb|little|big)\s+)*
`;
// Roles may carry a qualifier: "the next TA who marks me down" is as much a target as "the TA".
export const PERSON = reSource`
  (?:you|u|him|her|them|everyone|everybody|anyone|anybody|whoever|people|(?:the|any|every|
  whichever)\s+(?:(?:next|first|last|new|other|same|stupid|damn|fucking)\s+)?(?:prof|professor|teacher|
  instructor|ta|tas|staff|lecturer|grader|graders|class|students|teaching team|person)|my (?:\w+\s+)?(?:ta|
  professor|prof|instructor|teammates?|classmates?|groupmates?|partner|lecturer|grader|roommate)|(?:dr\.?|
  prof\.?|professor)\s+\w+|helena|vasquez|arjun|mehta|luc[ií]a|fern[aá]ndez|daniel|kim|sofia|novak|
  that (?:ta|prof|professor|guy|girl|woman|man|bitch|bastard|idiot))
`;
export const STAFF = reSource`
  (?:prof|professor|teacher|instructor|ta|tas|lecturer|grader|tutor|dr\.?\s+\w+|helena|vasquez|arjun|mehta|
  luc[ií]a|fern[aá]ndez|daniel|kim|sofia|novak|classmate|teammate|she|he|her|him)
`;
// Groups by origin or belief are named without a noun as often as with one ("people from that
// country", "international students").
export const GROUP = reSource`
  (?:people from (?:that|this|those|these|his|her|their|some|a certain|[\p{L}-]+) (?:country|countries|
  region|place|continent|religion|culture|background|part of the world)|international students|
  foreign students|women|men|girls|boys|blacks|black people|whites|white people|asians|asian people|jews|
  jewish people|muslims|christians|hindus|sikhs|immigrants|migrants|refugees|gays|gay people|lesbians|
  trans people|transgender people|queers|indians|mexicans|arabs|africans|chinese people|foreigners|
  disabled people|autistic people|latinos|hispanics|catholics|atheists|old people|older people|the elderly|
  elderly people|boomers|(?:asian|black|white|indian|chinese|
  arab|muslim|jewish|mexican|latino|latina|african|foreign|international|gay|trans|disabled|female|male|
  immigrant|christian|hindu|catholic)\s+(?:kids|students|guys|girls|people|ones|classmates|folks|dudes|women|men)|
  girls)
`;

// Staff and fellow students named or described, as the target of a name-call.
export const NAMED_TARGET = reSource`
  (?:(?:dr\.?|prof\.?|professor)\s+\w+|helena(?: vasquez)?|vasquez|arjun(?: mehta)?|mehta|
  luc[ií]a(?: fern[aá]ndez)?|fern[aá]ndez|daniel(?: kim)?|sofia(?: novak)?|novak|(?:my|the|our|that|
  this)\s+(?:\w+\s+)?(?:ta|prof|professor|instructor|lecturer|teacher|grader|teammate|classmate|groupmate|
  lab partner|roommate))
`;
// Person nouns that make "where … lives" a hunt for someone's home, not a question about where
// data or models live.
export const PERSON_NOUN = reSource`
  (?:ex|crush|girlfriend|boyfriend|wife|husband|teammate|classmate|roommate|groupmate|ta|tas|professor|prof|
  instructor|lecturer|grader|tutor|teacher|friend|neighbou?r|girl|guy|woman|man|boy|person|student|partner|
  helena|vasquez|arjun|mehta|luc[ií]a|fern[aá]ndez|daniel|kim|sofia|novak)
`;

// Name-calling nouns that insult whatever adjectives come first ("a lazy retard", "a pathetic
// little parasite"); words like "joke" or "failure" are left out because students use them about
// themselves and their code.
export const INSULT_NOUN = reSource`
  (?:idiot|moron|retard|imbecile|loser|clown|parasite|leech|asshole|arsehole|bitch|bastard|dickhead|prick|
  cunt|twat|wanker|jerk|scum|scumbag|freak|cretin|halfwit|dumbass|dipshit|fuckwit|fucker|motherfucker|
  piece of (?:shit|crap|garbage|trash)|waste of (?:space|oxygen|air|skin)|excuse for an? (?:human|person|
  human being|ta|teacher|professor|tutor))
`;
// The same, said of several people at once ("the TAs are braindead monkeys").
export const INSULT_PLURAL = reSource`
  (?:idiots|morons|retards|imbeciles|losers|clowns|parasites|leeches|assholes|bitches|bastards|pricks|cunts|
  twats|wankers|jerks|scum|cretins|halfwits|dumbasses|monkeys|apes|animals|pigs|rats|braindead|brain-?dead|
  brain-?damaged|stupid|idiotic|moronic|incompetent|worthless|pathetic|useless|garbage|trash|a joke)
`;
export const PEOPLE_PLURAL = reSource`
  (?:tas|teaching assistants|profs|professors|instructors|lecturers|graders|staff|teaching team|teachers|
  teammates|classmates|groupmates|students|people (?:here|in (?:this|the) (?:class|course)))
`;

// Groups by religion, gender, sexuality, disability or origin, one of them or several.
export const MEMBER = reSource`
  (?:(?:gay|lesbian|trans|transgender|queer|bi|muslim|jewish|christian|hindu|sikh|deaf|blind|disabled|
  autistic|wheelchair|black|asian|arab|african|immigrant|foreign|female|women)\s+(?:kid|guy|girl|boy|
  student|woman|man|person|one|classmate|teammate|ta|dude)s?|${GROUP}|deaf people|blind people|
  muslims|jews|homosexuals|lesbians|trans\s+(?:women|men))
`;
// Peoples by nationality or origin, as insults and slurs aim at them ("insults about Indians").
export const ORIGIN = reSource`
  (?:indians|pakistanis|bangladeshis|sri\s+lankans|nepalis|chinese|japanese|koreans|vietnamese|filipinos|thais|
  indonesians|malaysians|nigerians|ghanaians|kenyans|ethiopians|somalis|africans|arabs|iranians|persians|turks|
  kurds|afghans|russians|ukrainians|poles|romanians|albanians|serbians|italians|germans|brits|americans|
  canadians|mexicans|brazilians|colombians|venezuelans|latinos|latinas|hispanics|jews|muslims|christians|hindus|
  sikhs|black\s+people|asians|immigrants|foreigners|gay\s+people|gays|trans\s+people|women|girls)
`;
// One person the student could reach: a pronoun, a named member of staff, a peer or a described person.
export const VICTIM = reSource`
  (?:him|her|them|${NAMED_TARGET}|(?:my|our|the|that|this|a)\s+(?:\p{L}+\s+){0,2}?${PERSON_NOUN}s?)
`;
