import { reSource } from "../../regex.ts";

/** The people and the kinds of personal data the privacy patterns are built from. */

// Another student, described: "my lab partner", "the guy who sits next to me", "everyone in my team".
export const OTHER_PERSON = reSource`
  (?:(?:my|our)\s+(?:lab\s+|project\s+|study\s+|group\s+|team\s+|section\s+)?(?:partner|teammate|
  classmate|groupmate|roommate|friend|buddy|ex|crush|neighbou?r|peer|deskmate|seatmate|bf|gf|boyfriend|
  girlfriend|member|colleague)s?|(?:the|that|this|a|some|another|one)\s+(?:other\s+)?(?:student|guy|girl|boy|kid|person|
  dude|woman|man|lady|classmate|teammate|groupmate)s?|every(?:one|body)(?:\s+else)?|each (?:person|
  student|classmate|teammate)|all (?:the\s+)?(?:other\s+)?(?:students|classmates|teammates|groupmates|
  people)|all (?:my|our) (?:teammates|classmates|groupmates)|(?:the\s+)?other (?:students|people|
  classmates|teammates)|(?:the\s+)?students (?:in|on|from) (?:group|team|section|my|our|the)|
  someone else|somebody else|other people)
`;

// Personal data of a person: contact details, identity, grades and work, whereabouts, health.
export const PERSONAL_DATA = reSource`
  (?:e-?mails?(?:\s+address(?:es)?)?|mail address(?:es)?|phone(?:\s+numbers?)?|(?:cell|mobile)(?:\s+numbers?)?|
  numbers?|contact(?:\s+(?:info|information|details))?|(?:home\s+|mailing\s+|street\s+|postal\s+)?
  address(?:es)?|student\s+(?:ids?|numbers?|no)|id\s+numbers?|ids|matriculation numbers?|grades?|marks?|
  scores?|gpa|transcripts?|results?|submissions?(?: history| log)?|answers|schedules?|timetables?|
  whereabouts|location|extensions?|
  dorm(?: room)?|room numbers?|accommodations?|disabilit(?:y|ies)|medical (?:info\w*|records?|
  conditions?|history)|health (?:info\w*|records?|issues?|conditions?)|diagnos[ie]s|attendance|birthdays?|
  date of birth|age|instagram|snapchat|socials|social media|tiktok|linkedin|passwords?|logins?|feedback|
  rank(?:ing)?|standing|progress|evaluations?)
`;
// The same, when the owner is only "his" or "her": kinds nobody asks about a member of staff.
export const PRIVATE_DATA = reSource`
  (?:e-?mail(?:\s+address)?|(?:phone|cell|mobile)(?:\s+number)?|number|(?:home\s+)?address|student\s+(?:id|
  number)|grades?|marks?|scores?|gpa|transcript|schedule|timetable|dorm(?: room)?|room number|
  accommodations?|disability|medical \w+|instagram|snapchat|socials|password|login)
`;
// Contact details and whereabouts: asked of a named person, these are never about a formula.
export const CONTACT_DATA = reSource`
  (?:e-?mail(?:\s+address)?|(?:phone|cell|mobile)(?:\s+number)?|number|(?:home\s+)?address|student\s+(?:id|
  number)|id|schedule|timetable|dorm(?: room)?|room number|accommodations?|disability|instagram|snapchat|
  socials|password|login|date of birth|birth ?date|dob|contact(?:\s+(?:info|details))?|
  (?:lab\s+|lecture\s+|class\s+)?(?:section|
  sections|slots?|times?)|classes|lectures)
`;
export const REQUEST = reSource`
  (?:what(?:'s|s| is| are| was| were)|give|send|show|tell|share|list|find|get|look up|lookup|pull up|
  dig up|i need|i want|can i (?:get|have|see)|do you (?:have|know)|does anyone (?:have|know)|leak|dm|
  email me|forward|check|compare|reveal|where (?:can i find|is))
`;
// Staff and their published contact details are fair to ask for ("the TA's email").
export const STAFF = reSource`
  (?:ta|tas|teaching assistants?|prof|professor|instructor|lecturer|teacher|staff|teaching team|grader|
  tutor|course coordinator|coordinator|dean|advisor|office)
`;
