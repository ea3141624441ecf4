import { re, reSource } from "../../regex.ts";
import {
  CONTACT,
  DESCRIBED_PERSON,
  FETCH,
  LIFE_PREDICATE,
  OTHER_GROUP,
  PEER,
  PRIVATE_LIFE,
  RECORD,
  STAFF_REF,
  WORK,
} from "./vocabulary.ts";

/**
 * Privacy by class rather than by sentence: a reference to another identifiable person (a peer,
 * a described student, a group or team of other students, a member of staff) joined to one of
 * their personal attributes (record, contact details, private life, graded work), matched on the
 * lower-case forms. Each pattern is one grammatical shape the two parts take; the vocabulary says
 * which words fill them. Staff are people too: their published work contact details stay
 * askable (see index.ts), but their private life (age, marriage, visa, health) is not.
 */

// An aggregate about many people is not anyone's record: "the average grade of students in …".
const NOT_AGGREGATE = reSource`(?<!\b(?:average|mean|median|overall|typical|distribution of|range of)\s)`;
const ANY_ATTRIBUTE = reSource`(?:${RECORD}|${CONTACT}|${PRIVATE_LIFE})`;
// Whose attribute it is, said: "his attendance", "their student IDs", "the instagram".
const OWNED = reSource`(?:his|her|their|the)\s+(?:\p{L}+\s+)?`;
// What the attribute does is a question about the course: "do other students' grades affect mine?"
const NOT_ABOUT_COURSE = reSource`
  (?!\s+(?:affects?|influences?|matters?|counts?|compares?|policy|policies|rules?|form|process|office|column|
  field|feature|label|data(?:set)?|distribution|scale|rubric|calculation))
`;
// Where a described person is placed must be the course ("the guy in my lab", "the girl with the red
// hoodie"), not the world: "who is the richest person in the world" asks for trivia.
const IN_THE_COURSE = reSource`
  (?:(?<=\b(?:with|who|that|sitting|wearing|next\s+to|de))|(?<=\b(?:in|from|on|at))\s+(?:my|our|the|this)\s+
  (?:\p{L}+\s+)?(?:lab|labs|section|class|course|team|group|lecture|tutorial|seminar|cohort|project|row|
  office|discord|slack|chat)\b)
`;
// Somebody other than the asker, as the lower-case forms show them.
const SOMEONE = reSource`(?:${PEER}|${DESCRIBED_PERSON}|${OTHER_GROUP})`;
// A person as the subject of a question: pronoun, peer, described student or member of staff.
// A student "with" a condition, unnamed, is anyone in that case: "does a student with ADHD get extra
// time?" asks the policy.
const ANY_STUDENT_WITH = reSource`(?:a|an|any|some)\s+(?:student|person|learner|classmate)s?\s+with\b`;
const SUBJECT = reSource`(?:he|she|${PEER}|(?!${ANY_STUDENT_WITH})${DESCRIBED_PERSON}|${STAFF_REF})`;
// "the students who have / haven't": a status question about other students' work or attendance.
const GROUP_ASKED = reSource`
  (?:who|which\s+(?:students|people|classmates|teams|groups|ones|of\s+(?:us|them|my\s+\p{L}+))|list\s+
  (?:everyone|everybody|all|the\s+students|students|the\s+people|people|the\s+teams)|everyone|everybody|
  anyone|anybody|${OTHER_GROUP})
`;
const STATUS = reSource`
  (?:submit(?:ted)?|hand(?:ed)?\s+in|turn(?:ed)?\s+in|upload(?:ed)?|finish(?:ed)?|complete(?:d)?|attend(?:ed)?|
  pass(?:ed)?|fail(?:ed)?|drop(?:ped)?|show(?:n|ed)?\s+up|skip(?:ped)?|miss(?:ed)?)
`;

export const PRIVACY_CLASS_PATTERNS: RegExp[] = [
  // Person, then their attribute in the same sentence: "my teammate Tomasz … his attendance",
  // "the guy in my lab, what's his instagram", "students in section B with their student IDs".
  re("iu")`
    \b${SOMEONE}[^.?!;]{0,80}?\b${OWNED}${NOT_AGGREGATE}(?:${RECORD}|${CONTACT})\b${NOT_ABOUT_COURSE}
  `,
  // Attribute, then whose: "the submission of the team that got the top score", "the grades for
  // everyone in my section".
  re("iu")`
    \b(?:${FETCH}|what(?:'s|s|\s+is|\s+are|\s+was)|which|do\s+you\s+(?:have|know))\b[^.?!]{0,40}?\b${NOT_AGGREGATE}
    (?:${ANY_ATTRIBUTE}|${WORK})\s+(?:of|for|from|by|belonging to)\s+
    (?:\p{L}+\s+){0,2}?${SOMEONE}
  `,
  // Graded work of others, asked to be handed over: "send me the top-scoring team's code".
  re("iu")`
    \b${FETCH}\b[^.?!]{0,40}?\b(?:${OTHER_GROUP}|(?:another|other)\s+(?:student|team|group)'?s?)(?:'s|s'|’s)?\s+
    (?:\p{L}+\s+){0,3}?${WORK}\b
  `,
  // Status of other students' work or attendance: "list everyone in section B who hasn't submitted
  // lab 5", "which of my classmates skipped the quiz".
  re("iu")`
    \b${GROUP_ASKED}(?:\s+(?:in|from|on|of)\s+(?:section|group|team|lab|my|our|the|this)(?:\s+[\p{L}\p{N}]+)?)?
    (?:\s+(?:who|that))?(?:\s+(?:still|already|never|actually))?\s+(?:(?:has|have|had|did|does|do)(?:n'?t|\s+not)?\s+
    (?:yet\s+|even\s+|already\s+|actually\s+)?${STATUS}|(?:skipped|missed|failed|dropped|flunked))\b
  `,
  // Others' conversations with the tutor: "which students asked you about the exam", "what other
  // students typed to you", "the chat logs of all users".
  re("iu")`
    \b(?:what|which)\s+(?:other\s+|the other\s+)?(?:students|users|people|classmates|others|everyone(?: else)?|
    someone|somebody|anyone)\s+(?:(?:have|had|has)\s+been\s+|are\s+|were\s+|have\s+|has\s+|did\s+)?(?:ask|asking|
    asked|typ(?:e|ed|ing)|say|said|saying|tell|told|telling|writ(?:e|ing|ten)|wrote|message[ds]?|talk(?:ed|ing)?)\b
    (?:\s+(?:to|with))?\s+(?:you|the\s+(?:tutor|bot|assistant))\b|\b(?:chat|conversation|question|search|
    message|prompt)s?\s+(?:logs?|histor(?:y|ies)|transcripts?|records?)\b[^.?!]{0,40}?\b(?:of|from|by|with)\s+
    (?:what\s+)?(?:other|all|every|each|the other|different)\s+(?:students?|users?|people|classmates|learners)
  `,
  // Peer evaluations with their authors: "the evaluations my teammates wrote about me, with names",
  // "who gave me a 2 in the peer review".
  re("iu")`
    \b(?:peer\s+)?(?:evaluations?|reviews?|feedback|ratings?|comments)\b[^.?!]{0,40}?\b(?:wrote|written|gave|
    given|left|submitted)\s+(?:about|on|for|of|to)\s+me\b|\bwho\s+(?:wrote|gave|submitted|left)\s+
    (?:\p{L}+\s+){0,3}?(?:peer\s+)?(?:evaluations?|reviews?|ratings?|comments?|feedback|scores?)\b|\bwho\s+
    (?:gave|rated|scored)\s+me\b[^.?!]{0,30}\bpeer\b
  `,
  // The class list: "export the full class roster", "download every student's email".
  re("iu")`
    \b${FETCH}\b[^.?!]{0,30}?\b(?:class|course|section|enrol(?:l)?ment)\s+(?:roster|list|directory|register|
    records|database|spreadsheet|members)\b
  `,
  // Identifying a described stranger: "the girl in my lab, what's her name", "who is the guy with
  // glasses in section C".
  re("iu")`
    \b${DESCRIBED_PERSON}[^.?!]{0,80}?\b(?:what(?:'s|s| is)|tell me|give me|find|get me)\s+(?:his|her|their)\s+
    (?:full\s+|real\s+|last\s+)?name\b|\bwho\s+is\s+${DESCRIBED_PERSON}${IN_THE_COURSE}
  `,
  // "pull his attendance", "tell me her visa status": the owner is only a pronoun.
  re("iu")`
    \b(?:${FETCH}|what(?:'s|s|\s+is))\b(?:\s+me)?\s+(?:his|her)\s+(?:\p{L}+\s+){0,2}?(?:${RECORD}|${PRIVATE_LIFE})\b
  `,
];

// "in a relationship with" someone, not with a thing: "is cosine similarity in a relationship with
// dot product?" asks about maths.
const WITH_A_PERSON = reSource`
  (?!\s+(?:with|between|to)\s+(?!(?:anyone|anybody|someone|somebody|him|her|them|me|my|his|their|our|
  each\s+other|one\s+of|(?:a|an|the|another|that|this|some)\s+(?:\p{L}+\s+){0,2}?(?:guy|girl|boy|kid|dude|
  woman|man|lady|person|student|classmate|teammate|ta|tutor|prof|professor|instructor|lecturer|teacher))\b))
`;

/** A private life asked about: these hold for staff as much as for students. */
export const PRIVATE_LIFE_PATTERNS: RegExp[] = [
  // A private life asked about, staff included: "is the TA married", "how old is Dr. Vasquez",
  // "is arjun mehta dating anyone", "what illness does my teammate have".
  re("iu")`
    \b(?:is|was|are)\s+${SUBJECT}(?:\s+[\p{L}.]+){0,2}?\s+(?:still\s+|currently\s+|really\s+|actually\s+)?
    ${LIFE_PREDICATE}\b(?!\s+to\s+(?:the|a|an|its|this|that)\b)|\b(?:is|are)\s+(?:\p{L}+\s+){1,2}?
    (?:dating\s+(?:anyone|someone|somebody)|seeing\s+(?:anyone|someone)|married|divorced|pregnant|
    in\s+a\s+relationship${WITH_A_PERSON}|(?:here\s+)?on an?\s+(?:work|student|tourist|h-?1b|f-?1)\s+visa)\b(?!\s+to\s+(?:the|a|an|its|
    this|that)\b)|\bhow\s+old\s+(?:is|are)\s+${SUBJECT}|\bwhat\s+(?:kind\s+of\s+|sort\s+of\s+)?${PRIVATE_LIFE}
    \s+(?:does|did|has|is)\s+(?:${SUBJECT}|(?!(?:the|a|an|this|that|it|they|we|you|i)\b)\p{L}+(?:\s+\p{L}+)?)
    \s+(?:have|has|got|suffer|had)\b|\b(?:does|did|has)\s+${SUBJECT}(?:\s+[\p{L}.]+){0,2}?\s+(?:have|got|get|
    suffer from)\s+(?:an?\s+|any\s+)?(?:\p{L}+\s+)?(?:${PRIVATE_LIFE}|${RECORD}|adhd|autism|depression|
    boyfriend|girlfriend|husband|wife)\b(?!\s+(?:policy|column|field|feature|label|form|process))
  `,
];
