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
// The numbers that identify a student: "student number", "matriculation number", "roll no".
export const ID_NUMBER_KIND = reSource`
  (?:student(?:\s+id)?|id|matriculation|matric|enrol(?:l)?ment|registration|roll|admission|candidate|exam)
`;
// Contact details and whereabouts: asked of a named person, these are never about a formula. A
// bare "number" is not among them: "Euler's number", "Avogadro's number" and "Dunbar's number"
// are no one's phone, so a number is a phone or an ID only when it says so ("Tom's cell number",
// "Jenna's matriculation number"); see NUMBER_TO_CALL in patterns.ts for "Tom's number, I'll text him".
export const CONTACT_DATA = reSource`
  (?:e-?mail(?:\s+address)?|(?:phone|cell|mobile|cellphone|telephone|whatsapp)(?:\s+number)?|
  (?:home|personal|private|contact|landline|${ID_NUMBER_KIND})\s+(?:number|no)|(?:home\s+)?address|
  student\s+(?:id|number)|id|schedule|timetable|dorm(?: room)?|room number|accommodations?|disability|instagram|snapchat|
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

// A word after a title that is not a name: "DR" (dimensionality reduction) is no doctor in "is DR
// a form of feature selection", "what does PROF stand for".
const NOT_TITLED = reSource`
  (?:is|are|was|were|be|the|a|an|and|or|of|for|to|in|on|at|with|by|as|vs|it|this|that|does|do|did|can|
  stand|stands|mean|means)
`;
// Titles before a name: "Dr." and "Prof." name a member of staff; anyone may be a "Mr." or "Ms.".
export const TITLE = reSource`(?:dr|prof|professor|dean|mr|mrs|ms|mx|miss)`;
// A member of staff named by their title: "Dr. Vasquez", "Prof Okafor", "Dean Morris"; a "Mr." or
// "Ms." only with their office or course ("Ms. Rivera's office hours", "Mr. Chen's course email").
// Their work contact details are as askable as "the TA's"; their private life is not
// (STAFF_PRIVATE_PATTERNS, PRIVATE_LIFE_PATTERNS).
export const STAFF_TITLED = reSource`
  (?:\b(?:dr|prof|professor|dean)\.?\s+(?!${NOT_TITLED}\b)\p{L}+|\b(?:mr|mrs|ms|mx|miss)\.?\s+
  (?!${NOT_TITLED}\b)\p{L}+(?:[ -]\p{L}+)?(?:'s|’s|s'|')?\s+(?:office|course|class|lecture|teaching)\b)
`;
// A person by their title, staff or not: whose private contact details and home stay private.
export const TITLED_PERSON = reSource`
  ${TITLE}\.?\s+(?!${NOT_TITLED}\b)\p{L}+(?:[ -](?!${NOT_TITLED}\b)\p{L}+)?
`;

/*
 * Vocabulary of the class patterns (classes.ts): who else a message points at, which of their
 * attributes it asks for, and the request forms that ask. Kept apart from the sentence patterns
 * above so a new wording of the same class needs no new sentence.
 */

// A fellow student described rather than named: "the quiet guy in my Friday lab", "the girl who
// sits next to me". The trailing "in / from / who" keeps "the student model" (distillation) out.
export const DESCRIBED_PERSON = reSource`
  (?:the|that|this|some|one|a)\s+(?:[\p{L}-]+\s+){0,3}?(?:guy|girl|boy|kid|dude|woman|man|lady|person|
  student|chica|chico)s?\s+(?:\([^)]{0,60}\)\s+)?(?:in|from|on|at|with|who|that|sitting|wearing|next to|
  de)\b
`;
// Fellow students as a group, or a team picked out by its result: "students in section B", "other
// students", "the team that got the top score", "the top-scoring team".
export const OTHER_GROUP = reSource`
  (?:(?:the\s+)?(?:students|people|everyone|everybody|classmates|teams|groups)\s+(?:in|on|from|of)\s+
  (?:section|group|team|lab|tutorial|my|our|the|this)\b|(?:the\s+)?other\s+(?:students|users|people|
  classmates|teams|groups|learners)|(?:all|every|each)\s+(?:the\s+)?(?:other\s+)?(?:students?|users?|
  classmates?|teams?|groups?|learners?)|(?:the|which|a)\s+(?:team|group|student|person)\s+(?:that|who|which)\s+
  (?:got|scored|came|won|placed|ranked|had|topped)\b|(?:the\s+)?(?:top|best|highest|winning|first-place)
  (?:[- ]scor(?:ing|ed)|[- ]ranked|[- ]graded)?\s+(?:team|group|student|project)s?)
`;
// Teammates and classmates, including former ones ("my ex-teammate"), in the lower-case forms.
export const PEER = reSource`
  (?:(?:my|our)\s+(?:former\s+|old\s+|ex-?\s?)?(?:lab\s+|project\s+|study\s+|group\s+|team\s+)?
  (?:partner|teammate|classmate|groupmate|roommate|team ?member|coequipier|coequipiere|companer[oa]|
  kommiliton\w*|teamkolleg\w*|colega)s?)
`;
// A member of the teaching team, in the lower-case forms ("the TA", "Dr. Vasquez", "my professor").
export const STAFF_REF = reSource`
  (?:(?:the|my|our|that|this|a)\s+(?:\p{L}+\s+)?(?:ta|tas|teaching assistant|prof|professor|instructor|
  lecturer|teacher|grader|tutor|profesora?|professeure?|professora?|dozent\w*)|(?:dr|prof|professor|
  profesora?|professeure?|professora?)\.?\s+\p{L}+)
`;
// A student record only the student and the staff may see. PERSONAL_RECORD never names a formula
// ("Cohen's kappa score" is a score), so a capitalised owner is enough for it.
export const PERSONAL_RECORD = reSource`
  (?:gpa|transcripts?|student\s+(?:ids?|numbers?|id numbers?)|id numbers?|attendance(?:\s+records?)?|
  (?:poll\s+)?participation(?:\s+records?)?|accommodation(?:\s+letters?)?s?|extensions?|extra time|
  exemptions?|late days|probation|peer (?:evaluations?|reviews?|ratings?|scores?))
`;
export const RECORD = reSource`(?:grades?|marks?|scores?|results?|standing|rank(?:ing)?|${PERSONAL_RECORD})`;
// Contact details and accounts (a student's are private; staff publish only their work address).
export const CONTACT = reSource`
  (?:(?:personal\s+|private\s+|home\s+)?(?:e-?mails?(?:\s+address(?:es)?)?|(?:phone|cell|mobile)(?:\s+numbers?)?|
  address(?:es)?)|instagram|insta|snapchat|snap|tiktok|twitter|facebook|linkedin|whatsapp|discord
  (?:\s+(?:handle|tag|name))?|socials|social media(?:\s+(?:accounts?|handles?|profiles?))?|full name|
  last name|real name)
`;
// A person's private life: private for students and staff alike.
export const PRIVATE_LIFE = reSource`
  (?:age|birthday|date of birth|marital status|relationship status|(?:work\s+|student\s+)?visa(?:\s+status)?|
  immigration status|citizenship|nationality|religion|sexuality|sexual orientation|medical (?:conditions?|
  records?|history|notes?|issues?|problems?|reasons?)|health(?:\s+(?:conditions?|issues?|problems?|records?))?|
  illness|illnesses|disease|diagnos[ie]s|disabilit(?:y|ies)|mental health|pregnancy|home address|
  kids|children|salary)
`;
// Somebody's graded work, which only they (and their team) may see.
export const WORK = reSource`
  (?:gradescope\s+)?(?:submissions?|submitted (?:work|code|files?)|code|notebooks?|reports?|solutions?|
  answers|repo(?:sitory)?|work)
`;
// What a private life is asked about, as a predicate: "is she married", "is he here on a work visa".
export const LIFE_PREDICATE = reSource`
  (?:married|divorced|single|dating(?:\s+(?:anyone|someone|somebody))?|seeing (?:anyone|someone)|in a relationship|
  engaged|pregnant|gay|straight|lesbian|trans|sick|ill|(?:here\s+)?on an?\s+(?:\p{L}+\s+)?visa|
  (?:an?\s+)?green\s+card(?:\s+holder)?|
  (?:an?\s+)?(?:immigrant|citizen|refugee)|undocumented|religious|muslim|jewish|christian|hindu|
  (?:in|on)\s+(?:therapy|medication|rehab))
`;
// Verbs that ask for a record or a piece of work to be handed over or looked up.
export const FETCH = reSource`
  (?:give|send|show|share|tell|list|find|get|pull(?:\s+up)?|look\s+up|dig\s+up|check|leak|forward|export|
  download|dump|print|reveal|post|paste|copy|compare|see|access|open|fetch|display)
`;

/*
 * Vocabulary of the health, account and record classes (health.ts, accounts.ts, records.ts).
 */

// A particular fellow student pointed at ("the girl who asks too many questions", "that guy from my
// lab"), never a hypothetical one ("a student with ADHD", "some students"): only "the/that/this".
export const PARTICULAR_PERSON = reSource`
  (?:the|that|this)\s+(?:[\p{L}-]+\s+){0,3}?(?:guy|girl|boy|kid|dude|woman|man|lady|person|student)\s+
  (?:in|from|on|at|with|who|that|sitting|wearing|next\s+to)\s+(?:[\p{L}\p{N}]+\s+){0,4}?[\p{L}\p{N}]+
`;
// People one knows privately, as the lower-case forms write them: "my ex", "my friend".
export const RELATION = reSource`
  (?:my|our)\s+(?:best\s+)?(?:ex|ex-?girlfriend|ex-?boyfriend|crush|friend|girlfriend|boyfriend|roommate|
  flatmate|housemate|neighbou?r)
`;
// Conditions of body and mind and the allowances that come with them: a person's own business.
export const HEALTH = reSource`
  (?:adhd|autism|asperger'?s|dyslexia|dyspraxia|dyscalculia|depression|anxiety(?:\s+disorder)?|bipolar
  (?:\s+disorder)?|ocd|ptsd|an?\s+eating\s+disorder|cancer|diabetes|epilepsy|long\s+covid|hiv|
  (?:an?\s+)?(?:learning\s+|physical\s+)?disabilit(?:y|ies)|(?:adhd\s+|disability\s+|exam\s+|medical\s+)?
  accommodations?(?:\s+letters?)?|extra\s+(?:exam\s+|test\s+)?time\s+(?:on|for|in)\s+(?:the\s+)?(?:exams?|tests?|
  quiz(?:zes)?|midterms?|finals?)|(?:an?\s+)?(?:medical|health|mental\s+health|chronic)\s+(?:condition|issue|
  problem)s?|(?:a\s+)?mental\s+illness|(?:a\s+)?(?:chronic\s+|serious\s+|terminal\s+)?illness|(?:a\s+)?diagnosis|
  therapy|medication|meds|rehab)
`;
// A condition said of a person as a predicate: "is he autistic", "is she on the spectrum".
export const HEALTH_STATE = reSource`
  (?:autistic|depressed|bipolar|dyslexic|anorexic|bulimic|mentally\s+ill|on\s+the\s+spectrum|
  (?:seriously\s+|really\s+|very\s+)?(?:sick|ill)|in\s+(?:the\s+)?hospital(?!\s+(?:building|wing|lobby|
  parking|cafeteria|library))|in\s+rehab|in\s+therapy|on\s+(?:medication|meds))
`;
// What a feature or policy is, not what a person has: "an accommodations policy", "a diagnosis module".
export const NOT_A_FEATURE = reSource`
  (?!\s+(?:policy|policies|module|modules|feature|features|function|tool|tools|setting|settings|option|
  options|support|form|forms|process|office|page|field|column|label|dataset|data|api|plugin|mode|rules?|info|
  information|details))
`;
// Accounts on social platforms, which their owner shares with whom they like.
export const SOCIAL = reSource`
  (?:instagram|insta|ig|tiktok|snapchat|snap|twitter|facebook|fb|linkedin|onlyfans|bereal|reddit|tumblr|
  discord|telegram|social\s+media|socials|dating\s+(?:app|profile))
`;
// Verbs that hand a piece of someone's work over to the asker: "send me their report", "can I see
// her notebook". Sharing with someone else ("can I share their code with the TA?") is not among them.
export const HANDOVER = reSource`
  (?:(?:send|give|share|forward|show|email|dm|pass|get|find)\s+(?:me|us)|leak|dump|pull\s+up|look\s+up|
  can\s+i\s+(?:see|have|get|copy)|let\s+me\s+(?:see|copy|look\s+at))
`;
