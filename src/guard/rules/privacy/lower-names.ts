import { re, reSource } from "../../regex.ts";

/**
 * A person named in lower case ("priyanka", "tom nguyen"), where no capital marks the name: the
 * name is recognised by where it stands, and the message is about that person only when it ties
 * one of their attributes to them with a possessive ("priyanka's phone number") or a third-person
 * pronoun ("which lab section priyanka is in and her phone number"). Matched on the lower-case
 * forms. Words that stand in a name's place without being one (pronouns, "today", "python",
 * "euler") are not names; a bare "number" ("euler's number") is no one's phone.
 */

// Words that take a name's place without being a person's name: function words, people by role
// (staff and one's own relations are handled by the other patterns), time words, the course's
// platforms and tools, and eponyms of formulas.
const NOT_A_NAME = reSource`
  (?:the|a|an|this|that|these|those|it|its|he|she|they|him|her|his|them|their|theirs|we|us|our|you|your|i|me|my|
  mine|who|whom|whose|what|which|where|when|why|how|here|there|is|are|was|were|be|been|do|does|did|has|have|
  had|can|could|will|would|should|shall|may|might|must|and|or|but|if|then|so|not|no|yes|ok|okay|please|pls|
  with|without|of|for|from|to|in|on|at|by|about|into|onto|as|like|than|all|any|some|each|every|other|another|
  else|one|ones|someone|somebody|anyone|anybody|everyone|everybody|nobody|none|noone|people|person|persons|
  student|students|classmate|classmates|teammate|teammates|partner|partners|friend|friends|user|users|member|
  members|team|teams|group|groups|class|course|courses|section|sections|lab|labs|lecture|lectures|tutorial|
  cohort|ta|tas|tutor|prof|professor|instructor|lecturer|teacher|grader|staff|dean|advisor|coordinator|
  office|department|dept|uni|university|college|school|campus|library|registrar|company|today|tomorrow|
  yesterday|tonight|week|weeks|month|year|term|semester|quarter|monday|tuesday|wednesday|thursday|friday|
  saturday|sunday|python|google|gmail|outlook|canvas|gradescope|slack|discord|github|piazza|moodle|zoom|
  kaggle|colab|openai|docker|model|models|system|server|app|website|site|bot|chatbot|assistant|dataset|
  bert|gpt|llama|adam|euler|avogadro|bayes|cohen|pearson|spearman|fisher|gauss|markov|zipf|moore)
`;
// One word of a name, or two ("tom nguyen"), as the lower-case forms write it.
export const WORD = reSource`(?!${NOT_A_NAME}\b)\p{Ll}{2,}(?:-\p{Ll}{2,})?`;
export const LOWER_NAME = reSource`${WORD}(?:\s${WORD})?`;
// A possessive that follows a request or question, never an adjective ("better chunk's id") or a
// determiner ("the model's address").
const ASKED = reSource`
  (?:^|[,:;(]\s*|\b(?:what(?:'s|s|\s+is|\s+are|\s+was|\s+were)|where(?:'s|s|\s+is|\s+are)|give(?:\s+me)?|
  send(?:\s+me)?|show(?:\s+me)?|tell\s+me|share|find(?:\s+me)?|get(?:\s+me)?|need|want|have|know|leak|post|
  dm|forward|pull\s+up|look\s+up|dig\s+up|check|see|access|and|or|plus|also)\s+)
`;
const POSSESSIVE = "(?:'s|’s)";
// The brief attributes of a person: contact details, IDs, grades and where they are timetabled.
// "score" and "results" are left out: models and benchmarks have them too.
const QUALIFIER = reSource`
  (?:personal|private|home|cell|mobile|school|uni|university|student|work|real|full|gradescope|canvas|moodle|
  piazza|slack|github|outlook|course|college)
`;
const ATTRIBUTE = reSource`
  (?:e-?mails?(?:\s+address(?:es)?)?|(?:phone|cell|mobile)(?:\s+numbers?)?|address(?:es)?|instagram|insta|
  snapchat|whatsapp|socials|linkedin|student\s+(?:ids?|numbers?)|ids?(?:\s+numbers?)?|
  (?:matriculation|matric|enrol(?:l)?ment|registration|roll)\s+(?:numbers?|no)|grades?|marks?|gpa|
  transcripts?|(?:lab\s+|lecture\s+|tutorial\s+|discussion\s+)?sections?|schedules?|timetables?|dorm(?:\s+room)?|
  room\s+numbers?|seat|attendance)
`;
const PERSONAL = reSource`(?:${QUALIFIER}\s+)?${ATTRIBUTE}`;
// What the attribute does is a question about the course or about data: "their email policy".
const NOT_ABOUT_DATA = reSource`
  (?!\s+(?:policy|policies|rules?|format|formats|field|fields|column|columns|library|module|package|parser|
  validation|regex|template|header|headers|feature|features|label|labels|weighting|weights?|distribution|
  calculation|rubric|space))
`;
// Where a named person is to be found: "which lab section priyanka is in", "which section is tom in".
const PLACE = reSource`
  (?:(?:lab\s+|lecture\s+|tutorial\s+|discussion\s+)?(?:section|sections|room|seat|group|team|lab|class|slot|
  dorm|building)|tutorial|lecture|seminar|discussion|cohort)
`;
const NAME_PLACED = reSource`
  (?:which|what)\s+${PLACE}(?:\s+(?:and|or|&|/)\s+${PLACE})?\s+(?:(?:is|does|did|was)\s+)?${LOWER_NAME}\s+
  (?:(?:is|was)\s+)?(?:in|attends?|attending|goes\s+to|sits?\s+in|enrolled\s+in|takes?|taking)\b
`;
// A named person placed in the course ("priyanka from my lab") or to be reached ("contact priyanka").
const NAME_IN_COURSE = reSource`
  (?<![\p{L}'’])${LOWER_NAME}\s+(?:from|in|on|at)\s+(?:my|our|the|this|that|section|lab|group|team|class)\b
`;
const NAME_REACHED = reSource`\b(?:contact|reach|message|text|call|dm|email|know)\s+${LOWER_NAME}\b`;
// Whose attribute: "her", "his", and "their" only after a placed name (a topic is "about X and their …").
const GENDERED = "(?:his|her)";
const ANY_OWNER = "(?:his|her|their)";
const SAME_SENTENCE = "[^.!;\\n]{0,80}?";

export const LOWER_NAME_PATTERNS: RegExp[] = [
  // "what's priyanka's phone number", "give me tom nguyen's student id".
  re("u")`${ASKED}${LOWER_NAME}${POSSESSIVE}\s+${PERSONAL}\b${NOT_ABOUT_DATA}`,
  // "which lab section priyanka is in and her phone number", "priyanka from my lab, what's her
  // email", "do you know priyanka? i need her grades".
  re("u")`
    \b${NAME_PLACED}${SAME_SENTENCE}\b${ANY_OWNER}\s+${PERSONAL}\b${NOT_ABOUT_DATA}|(?:${NAME_IN_COURSE}|
    ${NAME_REACHED})${SAME_SENTENCE}\b${GENDERED}\s+${PERSONAL}\b${NOT_ABOUT_DATA}
  `,
];
