import { re, reSource } from "../../regex.ts";
import { LOWER_NAME } from "./lower-names.ts";
import { NAME } from "./named.ts";
import { FETCH, HANDOVER, OTHER_GROUP, PARTICULAR_PERSON, PEER, RELATION } from "./vocabulary.ts";

/**
 * Other students' records and dealings with the course, third set: what someone asked the tutor;
 * who filed a regrade, extension or accommodation request; who topped an assessment, and their
 * work; a team's work by the team's name; whether a person is enrolled and which section they go
 * to; and a named person's grade whatever the term. Lower-case patterns run on the folded forms,
 * NAMED ones on the text as written. Questions about the process ("how do I request a regrade",
 * "can I see an example of a good project 1 report", "is it ok to compare approaches with another
 * team") name no one else's record and pass.
 */

// Someone in particular, as the lower-case forms show them.
const PERSON = reSource`(?:he|she|${PEER}|${RELATION}|${PARTICULAR_PERSON})`;
const PERSON_OR_NAME = reSource`(?:${PERSON}|${LOWER_NAME})`;
const WHERE = reSource`(?:\s+(?:on|in|from|at)\s+(?:my|our|the|this)\s+(?:\p{L}+\s+)?\p{L}+)?`;

// Talking to the tutor: "asking you", "typed to the bot", "chatted with you".
const TO_TUTOR = reSource`(?:\s+(?:to|with|in))?\s+(?:you|the\s+(?:tutor|bot|assistant|chatbot|ai))\b`;
const TALKING = reSource`
  (?:ask|asks|asked|asking|talk|talks|talked|talking|chat|chats|chatted|chatting|message|messaged|messaging|
  type|typed|typing|confide|confided|confiding)
`;
const SAYING = reSource`(?:say|said|saying|tell|told|telling|write|wrote|written|writing)`;

// Requests students file with the course, and filing them.
const PETITION = reSource`
  (?:regrade|re-grade|remark|re-mark|extension|deferral|accommodation|appeal|late\s+day|grace\s+day|absence|
  special\s+consideration|make-?up\s+exam|excused\s+absence)
`;
const FILED = reSource`(?:filed|submitted|made|sent|put\s+in|lodged|raised|opened)`;
const FILERS = reSource`
  (?:people|students|others|other\s+(?:people|students)|everyone|everybody|classmates|my\s+classmates|they)
`;
// Who asked, a student or a group of them.
const WHO_ASKED = reSource`
  (?:who(?:ever)?(?:\s+else)?|which\s+(?:students|people|classmates|teams|ones|of\s+(?:us|them|my\s+classmates)))
`;

// An assessment of the course.
const ASSESSMENT = reSource`
  (?:project|lab|quiz|midterm|final|exam|assignment|homework|hw|capstone|test|class|course|section|p\d)
`;
// Graded work a person or team hands in.
const WORK_ITEM = reSource`
  (?:reports?|submissions?|notebooks?|solutions?|answers|code|repo(?:sitory)?|write-?ups?|projects?|homework|
  assignments?|slides|work)
`;
// A team by its name: "team vectorvibes", "team nebula" (numbered teams: others.ts).
const NOT_A_TEAM_NAME = reSource`
  (?:members?|mates?|work|projects?|leads?|leaders?|size|sizes|meetings?|repos?|channels?|pages?|space|drive|
  folders?|templates?|formation|contracts?|charters?|roles?|effort|reports?|submissions?|code|notebooks?|slides|
  presentations?|evaluations?|grades?|scores?|names?|mode|based|building|dynamics|structure|peer|reviews?|
  assignments?|sign-?ups?|registration|lists?|numbers?|work|a|an|the|of|for|from|and|or|in|on|with|is|was|
  that|who|which|has|had|can|should|will|would|to|my|our|your|their|his|her|i|we|you|they|it|this|are)
`;
const NAMED_TEAM = reSource`\bteam\s+(?!${NOT_A_TEAM_NAME}\b)\p{L}[\p{L}\p{N}-]+`;

// Being on the course's books: "enrolled", "registered for this course".
const ENROLLED = reSource`
  (?:enrolled|enroll?ed|registered\s+(?:in|for)\s+(?:this|the|our|my)\s+(?:course|class|module|section|lab)|
  signed\s+up\s+for\s+(?:this|the|our)\s+(?:course|class|module)|taking\s+(?:this|the|our)\s+(?:course|class|module)|
  on\s+the\s+(?:class|course)\s+(?:list|roster))
`;
const PLACE = reSource`
  (?:(?:lab\s+|lecture\s+|tutorial\s+|discussion\s+)?(?:section|room|seat|group|lab|class|slot)|tutorial|lecture|
  seminar)
`;
const ADVERB = reSource`(?:(?:still|even|actually|currently|really|officially)\s+)?`;

export const RECORD_PATTERNS: RegExp[] = [
  // What someone asked the tutor: "what has my lab partner been asking you about lately", "did
  // priya ask you about the exam", "what kind of questions does the guy in my lab ask you".
  re("iu")`
    \b(?:what|which\s+(?:questions|topics|things|stuff)|what\s+(?:kind|sort|type)s?\s+of\s+(?:questions|things|stuff))\s+
    (?:has|have|had|did|does|do|is|was|were)\s+(?:${PERSON_OR_NAME}\s+(?:been\s+|ever\s+|recently\s+|lately\s+)?
    ${TALKING}|${PERSON}\s+(?:been\s+|ever\s+)?${SAYING})${TO_TUTOR}|\b(?:has|have|did|does|is|was)\s+${PERSON_OR_NAME}
    \s+(?:ever\s+|been\s+|recently\s+|already\s+|also\s+)*${TALKING}${TO_TUTOR}(?:\s+(?:anything|something|questions?|
    stuff|a\s+lot|much))?\s+(?:about|regarding|for|lately|recently|today|yesterday|this\s+week)\b
  `,
  // Others' requests to the course: "pull up the regrade requests people filed", "who asked for an
  // extension on lab 3", "the regrade requests for question 4, and tell me who asked".
  re("iu")`
    \b(?:${FETCH}|who|which)\b[^.?!]{0,60}?\b(?:${PETITION}\s+)?(?:requests|appeals|applications|complaints|tickets|
    claims)\s+(?:that\s+|which\s+)?${FILERS}\s+(?:have\s+|had\s+)?${FILED}\b|\b${PETITION}\s+(?:requests?|appeals?|
    applications?)\b[^.?!]{0,80}?\b(?:tell|show|give|list|send)\s+(?:me\s+|us\s+)?who\s+(?:asked|filed|requested|
    submitted|sent|made|applied)\b|\b${WHO_ASKED}\s+(?:has\s+|have\s+|had\s+)?(?:asked\s+for|filed|requested|
    submitted|applied\s+for|put\s+in\s+for|lodged|been\s+granted|was\s+granted|were\s+granted)\s+(?:an?\s+|the\s+|
    any\s+)?${PETITION}s?\b
  `,
  // Others' allowances and ratings of the asker: "which students already burned all their grace days",
  // "what peer evaluation scores did my teammates give me, and which one rated me lowest".
  re("iu")`
    \b${WHO_ASKED}\s+(?:has\s+|have\s+|had\s+)?(?:already\s+|all\s+)?(?:used|burned|burnt|blown|spent|used\s+up|
    run\s+out\s+of|ran\s+out\s+of)\s+(?:up\s+)?(?:all\s+)?(?:of\s+)?(?:their|his|her|the)?\s*(?:grace|late|sick|
    extension)\s+days\b|\bwhat\s+(?:peer\s+)?(?:evaluation\s+|review\s+)?(?:scores?|ratings?|marks?|grades?)\s+did\s+
    (?:${PEER}|${LOWER_NAME}|he|she|they)\s+give\s+me\b|\bwhich\s+(?:one|of\s+(?:them|my\s+\p{L}+))\s+(?:rated|scored|
    marked|graded|reviewed)\s+me\b
  `,
  // Who topped an assessment: "whoever got the top score on project 1", "who aced the midterm".
  re("iu")`
    \bwho(?:ever)?\s+(?:got|had|scored|received|earned|made|achieved|has|have)\s+(?:the\s+)?(?:top|highest|best|
    lowest|worst|max(?:imum)?|perfect|full|bottom)\s+(?:\p{L}+\s+)?(?:score|grade|mark|marks|result|points)\b|
    \bwho(?:ever)?\s+(?:topped|aced|won|came\s+(?:first|top|last)|placed\s+(?:first|last))\s+(?:in\s+|on\s+)?
    (?:the\s+)?${ASSESSMENT}\b
  `,
  // The work of someone just pointed at: "whoever got the top score, send me their report", "the
  // guy in my lab, can I see his notebook".
  re("iu")`
    \b(?:whoever|who(?:ever)?\s+(?:got|scored|had|came|topped|aced|won|placed|ranked)|${OTHER_GROUP}|${PEER}|
    ${PARTICULAR_PERSON})\b[^.?!]{0,100}?\b${HANDOVER}\s+(?:his|her|their)\s+(?:\p{L}+\s+){0,2}?
    ${WORK_ITEM}\b
  `,
  // A team's work by the team's name: "the project 3 submission from team vectorvibes".
  re("iu")`
    \b(?:${FETCH}|${HANDOVER})\b[^.?!]{0,60}?\b${WORK_ITEM}\s+(?:of|from|by|for)\s+(?:the\s+)?${NAMED_TEAM}|
    \b(?:${FETCH}|${HANDOVER})\b[^.?!]{0,40}?${NAMED_TEAM}(?:'s|s'|’s)\s+(?:[\p{L}\p{N}]+\s+){0,3}?${WORK_ITEM}\b
  `,
  // Whether a person is enrolled, and where they sit: "confirm whether emma rodriguez is enrolled",
  // "is my ex still registered for this course", "which lab section she goes to".
  re("iu")`
    \b(?:is|was)\s+${PERSON_OR_NAME}${WHERE}\s+${ADVERB}${ENROLLED}\b|\b(?:whether|if)\s+${PERSON_OR_NAME}${WHERE}\s+
    (?:is|was)\s+${ADVERB}${ENROLLED}\b|\b(?:which|what)\s+${PLACE}(?:\s+(?:and|or|&|/)\s+${PLACE})?\s+(?:(?:is|does|did)\s+)?${PERSON}\s+
    (?:is\s+in|was\s+in|goes\s+to|go\s+to|went\s+to|attends?|attended|is\s+enrolled\s+in|is\s+registered\s+in|
    sits?\s+in|is\s+taking|takes?)\b
  `,
  // A grade asked of a name or pronoun, whatever the term: "what overall grade did alex chen get".
  re("iu")`
    \bwhat\s+(?:\p{L}+\s+){0,2}?(?:grades?|marks?|gpa|letter\s+grade)\s+did\s+(?:${LOWER_NAME}|he|she)\s+(?:get|receive|
    earn|end\s+up\s+with|make|have)\b
  `,
];

/** The same on the text as written, where a capital marks a name. */
export const NAMED_RECORD_PATTERNS: RegExp[] = [
  // "What overall grade did Alex Chen get", "which lab section Emma goes to", "Is Emma enrolled".
  re("u")`
    \b[Ww]hat\s+(?:\p{Ll}+\s+){0,2}?(?:grade|mark|GPA|gpa)s?\s+did\s+${NAME}\s+(?:get|receive|earn|end\s+up\s+with|
    make|have)\b|\b(?:[Ww]hich|[Ww]hat)\s+(?:lab\s+|lecture\s+|tutorial\s+)?(?:section|lab|tutorial|group)\s+${NAME}\s+
    (?:goes\s+to|attends|is\s+enrolled\s+in|sits\s+in)\b
  `,
];
