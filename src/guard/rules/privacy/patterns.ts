import { re, reSource } from "../../regex.ts";
import { CONTACT_DATA, OTHER_PERSON, PERSONAL_DATA, PRIVATE_DATA, REQUEST } from "./vocabulary.ts";

/**
 * Requests for another student's personal data, grades or work, matched on the lower-case forms.
 * Named people are found on the text as written (capitals mark a name): see NAMED_PATTERNS.
 */
const POSSESSIVE = "(?:'s|s'|’s|s’)";

export const PRIVACY_PATTERNS: RegExp[] = [
  // "my lab partner's grade", "the other students' emails". A birthday named as an occasion ("a
  // poem for my girlfriend's birthday", "my friend's birthday party") asks for nothing.
  re("iu")`
    (?!(?<=\b(?:for|on|at|before|after|until)\s+)${OTHER_PERSON}${POSSESSIVE}\s+birthdays?\b)
    \b${OTHER_PERSON}${POSSESSIVE}\s+(?:\p{L}+\s+){0,2}?${PERSONAL_DATA}\b
    (?!(?<=birthdays?)\s+(?:is|falls|was|party|parties|gifts?|presents?|cards?|cakes?|dinner|surprise|plans?|
    wish(?:es)?))
  `,
  // "the student ID of the person who posted …", "the grades of everyone in my team".
  re("iu")`
    \b${REQUEST}\b.{0,40}?\b${PERSONAL_DATA}\s+(?:of|for|from|belonging to)\s+(?:\p{L}+\s+){0,2}?${OTHER_PERSON}\b
  `,
  // "what grade did my lab partner get", "how did my teammate do on the midterm".
  re("iu")`
    \b(?:what|which)\s+(?:grades?|scores?|marks?|results?|gpa)\s+(?:did|does|has|have|will)\s+${OTHER_PERSON}\s+
    (?:get|got|receive|have|score|earn|make)\b|\bhow\s+(?:did|does|is|was|has)\s+${OTHER_PERSON}\s+(?:do|
    doing|done|score|scoring|scored|perform|performing)\s+(?:on|in|at)\b|\bhow many (?:points|marks)\s+
    (?:did|does)\s+${OTHER_PERSON}\s+(?:get|have|score)\b|\bwhat did\s+${OTHER_PERSON}\s+(?:get|score|
    submit|hand in|turn in)\b
  `,
  // "which students failed the midterm?", "who got the lowest score on the quiz?", "who in the class
  // has accommodations?"
  re("iu")`
    \b(?:who|which (?:students?|people|persons?|ones?|classmates?|teammates?|of (?:us|my classmates|
    the students)))(?:\s+(?:in|on|from|of)\s+(?:the|my|our|this)\s+(?:class|course|section|team|lab|group|
    cohort))?\s+(?:(?:has|have|had|got|gets|get)\s+(?:an?\s+)?(?:accommodations?|extensions?|extra (?:exam )?
    time|a disability|disabilities|special arrangements)|(?:got|had|has|have|scored|received)\s+(?:the\s+)?(?:highest|
    lowest|best|worst|top|
    bottom)(?!\s+(?:paper|award|prize|poster|talk))|(?:got|had|has|have|scored|received)\s+(?:an? [a-f][+-]?|zero|
    0|full marks|below|under|above)|failed|flunked|passed|cheated|plagiari[sz]ed|
    (?:is|are|was|were)\s+(?:failing|flunking|on (?:academic )?probation|caught|reported|in trouble|
    repeating))\b
  `,
  // "which sections is she enrolled in", "which dorm is my lab partner in".
  re("iu")`
    \b(?:which|what)\s+(?:lecture\s+|lab\s+|class\s+)?(?:sections?|classes|courses|labs?|tutorials?|dorm|
    room|hall|residence|building|times?|slots?|lectures)\s+(?:is|does|are|do)\s+(?:he|she|${OTHER_PERSON})\s+
    (?:in|enrolled|take|taking|attend|attending|live|living|have|registered)\b
  `,
  // "does my teammate have an extension?", "what mark did he give my friend?"
  re("iu")`
    \b(?:does|did|has|is)\s+${OTHER_PERSON}(?:\s+\p{L}+)?\s+(?:have|get|got|getting|on)\s+(?:an?\s+)?
    (?:extension|accommodations?|exemption|special arrangements?|deferral|make-?up|medical note|disability)\b|
    \bwhat\s+(?:mark|grade|score)\s+did\s+(?:he|she|they|the (?:ta|grader|professor|prof))\s+give\s+(?:him|
    her|them|${OTHER_PERSON})\b
  `,
  // Whereabouts: "where does my classmate Tom live", "where is that girl from my lab staying".
  re("iu")`
    \bwhere\s+(?:does|do|did|is|are|was)\s+(?:${OTHER_PERSON}|he|she)(?:\s+\p{L}+){0,3}?\s+(?:live|lives|living|
    stay|stays|staying|sleep|sleeping|hang\s+out|hangs\s+out|park|parks|work|works|working)\b
  `,
  // Another student's use of the tutor or of the course's allowances: "what did my classmate ask the
  // tutor", "the chat history of the student who asked before me", "how many late days has he used".
  re("iu")`
    \bwhat\s+(?:did|has|have)\s+(?:${OTHER_PERSON}|he|she|they)\s+(?:ask|asked|say|said|tell|told|type|
    typed|write|written)\s+(?:to\s+)?(?:the\s+)?(?:tutor|bot|you|assistant)\b|\b(?:(?:chat|conversation|
    message)s?(?:\s+(?:history|histories|log|logs|transcripts?))?|(?:question|search)\s+(?:history|histories|
    logs?))\s+(?:of|from|by)\s+
    (?:${OTHER_PERSON}|the\s+(?:\w+\s+)?(?:student|person|guy|girl|user)\s+(?:who|that|before|after))|
    \bhow\s+many\s+(?:late|grace|sick|extension)\s+days\s+(?:has|have|did|does)\s+(?:${OTHER_PERSON}|he|
    she|they)\s+(?:used|use|taken|take|left|got)\b
  `,
  // A fellow student's private life: "does the girl from my section have a boyfriend".
  re("iu")`
    \b(?:does|is|did)\s+(?:${OTHER_PERSON}|he|she)(?:\s+(?:from|in|on)\s+(?:my|our|the)\s+\w+)?\s+(?:have\s+
    an?\s+(?:boyfriend|girlfriend|partner|crush|bf|gf)|single|dating|seeing (?:anyone|someone)|
    in\s+a\s+relationship|pregnant|gay|straight)\b
  `,
  // Students picked out by what happened to them: "list students who dropped the course with their
  // emails", "the list of students on academic probation".
  re("iu")`
    \b${REQUEST}\b.{0,20}\b(?:students|everyone|everybody|classmates)\b.{0,60}\b(?:with|and|plus|including)\s+
    (?:their|the)\s+(?:e-?mails?|
    phone numbers|numbers|student (?:ids|numbers)|ids|grades|marks|names|addresses|contact (?:info|details))\b|
    \b(?:list|names|roster)\s+of\s+(?:the\s+|all\s+(?:the\s+)?)?students\s+(?:who|on|with|that)\b.{0,40}\b
    (?:probation|failed|failing|dropped|cheated|accommodations?|disabilit\w*|extensions?|plagiari\w*|
    caught|suspended|warned)\b
  `,
  // De-anonymising: "the real names of the anonymous posters".
  re("iu")`
    \b(?:real\s+names?|identit(?:y|ies)|who)\s+(?:of|behind|is|are)\s+(?:the\s+)?(?:anonymous|anon)\s+
    (?:posters?|users?|students?|accounts?|questions?|messages?|posts?|reviewers?)\b
  `,
  // A class list with personal details: "send me the class roster with student numbers".
  re("iu")`
    \b${REQUEST}\b.{0,30}\b(?:class|course|student|section)\s+(?:roster|list|directory|register)\b|
    \b(?:seating\s+(?:plan|chart)|attendance\s+(?:list|sheet)|sign-?in\s+sheet)\s+(?:with|including|and)\s+
    (?:the\s+)?(?:student\s+)?names\b|
    \b${REQUEST}\b.{0,30}\b(?:e-?mails?|phone numbers|student (?:ids|numbers)|addresses|grades|contact\s+
    (?:info|details))\s+(?:of|for)\s+(?:all|every|each)\b
  `,
  // The same in Spanish, French and German ("el correo de mi compañero", "les notes de ma binôme").
  re("iu")`
    \b(?:correo(?: electronico)?|email|telefono|numero|direccion|notas?|calificacion(?:es)?|
    matricula)\s+de\s+(?:mi|mis|el|la|los|las)\s+(?:companer[oa]s?|amig[oa]s?|compi)\b|\b(?:e-?mail|
    telefone|endereco|nota|notas|matricula)\s+d[oa]s?\s+(?:meu|minha|meus|minhas)\s+(?:colegas?|amig[oa]s?|
    parceir[oa]s?|companheir[oa]s?)\b|\bwelche\s+noten?\s+hat\s+(?:mein|meine)\s+(?:kommiliton\w*|
    teamkolleg\w*|freund\w*|mitstudent\w*)\b|\b(?:e-?mail|
    adresse|numero|notes?|telephone)\s+de\s+(?:mon|ma|mes)\s+(?:camarade|collegue|partenaire|binome|
    coequipier|coequipiere|voisin|voisine)s?\b|\b(?:e-?mail(?:-adresse)?|adresse|telefonnummer|
    handynummer|noten?|matrikelnummer)\s+(?:von\s+)?(?:meine[mnrs]?|meines)\s+(?:kommiliton\w*|
    mitstudent\w*|teamkolleg\w*|freund\w*)\b
  `,
];

/** "what's her email", "give me his student ID": someone else's, unless the message is about staff. */
export const PRONOUN_PATTERN = re("iu")`\b${REQUEST}\s+(?:me\s+)?(?:his|her)\s+${PRIVATE_DATA}\b`;

// A capitalised name as written ("Jenna Park", "Daniel Okafor"), not a sentence-initial question word.
const NAME =
  String.raw`(?<![\p{L}'’])(?!(?:What|Who|Where|When|Which|How|That|This|It|There|Here|Let|He|She|They|We|` +
  String.raw`You|I|Is|Does|Do|Can|Could|Please|Give|Send|Show|Tell)\b)\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?`;

// Reaching a person by phone: "call him", "text her", "contact them" (as written, so a verb that
// starts a sentence has its capital).
const CALL_SOMEONE = reSource`
  \b(?:[Cc]all|[Rr]ing|[Pp]hone|[Tt]ext|[Ss][Mm][Ss]|[Mm]essage|[Ww]hats[Aa]pp|[Dd][Mm]|[Rr]each|[Cc]ontact)\s+
  (?:him|her|them)\b
`;
// A named person's bare "number" is their phone when calling or texting them is in view ("I need
// Tom's number to text him"); without it, "Euler's number" and "Avogadro's number" are constants.
const NUMBER_TO_CALL = reSource`
  ${NAME}(?:'s|’s)\s+(?:\p{Ll}+\s+)?numbers?\b(?=[^\n]{0,60}?${CALL_SOMEONE})|${CALL_SOMEONE}[^\n]{0,40}?
  ${NAME}(?:'s|’s)\s+(?:\p{Ll}+\s+)?numbers?\b
`;

// Numbers named after people, which are no one's phone: "Euler's number", "Graham's number".
const EPONYMOUS_NUMBER = reSource`
  (?:Euler|Avogadro|Dunbar|Graham|Erd[oő]s|Skewes|Champernowne|Kaprekar|Ramanujan|Bernoulli|Catalan|
  Stirling|Bell|Lucas|Mersenne|Carmichael|Loschmidt|Faraday|Planck|Reynolds|Mach|Prandtl|Nusselt|Froude|
  Rayleigh|Fibonacci|Hardy|Kissing|Bacon|Shannon)
`;
// Anyone else's bare "number" is their phone: "What's Tom's number?".
const PERSONS_NUMBER = reSource`(?!${EPONYMOUS_NUMBER}(?:'s|’s))${NAME}(?:'s|’s)\s+numbers?\b`;

/** Patterns over the text as written, where a capital marks a person's name. */
export const NAMED_PATTERNS: RegExp[] = [
  // "Jenna Park's email", "Tom's phone number", "Kevin's midterm grade" (not "Cohen's kappa score").
  re("u")`${NAME}(?:'s|’s)\s+(?:\p{Ll}+\s+){0,2}?${CONTACT_DATA}\b`,
  // "Can I have Tom's number so I can call him" (not "What is Euler's number?").
  re("u")`${NUMBER_TO_CALL}`,
  re("u")`${PERSONS_NUMBER}`,
  re("u")`${NAME}(?:'s|’s)\s+(?:(?:midterm|final|exam|quiz|lab|project|test|homework|assignment|capstone|
    overall|course|class)\s+)?(?:grades?|marks?|scores?|gpa|transcript|results|submissions?|answers)\b`,
  // "the student ID of Daniel Okafor".
  re("u")`
    \b(?:[Ss]tudent (?:ID|id|number|no)|[Ee]-?mail(?: address)?|[Pp]hone(?: number)?|[Gg]rades?|
    [Aa]ddress|[Ss]chedule|[Tt]ranscript|GPA|[Ss]core)\s+(?:of|for)\s+${NAME}
  `,
  // "What did Aisha Khan submit for lab 3?", "Is Marco on academic probation?"
  re("u")`
    \b(?:[Ww]hat|[Hh]ow many points)\s+(?:grade\s+|score\s+|marks?\s+)?did\s+${NAME}\s+(?:get|score|submit|
    hand in|turn in|receive)\b|\b(?:[Ii]s|[Ww]as)\s+${NAME}\s+(?:on (?:academic )?probation|failing|
    flunking|passing|repeating|in trouble)\b|\b(?:[Dd]oes|[Dd]id)\s+${NAME}\s+(?:have|get)\s+
    (?:accommodations?|a disability|adhd|an? (?:extension|medical))\b
  `,
  // "Did Jake Morrison pass the midterm?", "what medical reason did Kofi give?", "¿Qué nota sacó Carlos?"
  re("u")`
    \b(?:[Dd]id|[Hh]as|[Dd]oes)\s+${NAME}\s+(?:pass|fail|flunk|drop|get an? [A-F]|get caught)\b|\b(?:[Ww]hat|
    [Ww]hich)\s+(?:medical|health|personal|family)\s+(?:reason|condition|excuse|issue|problem)s?\s+did\s+
    ${NAME}\b|\b(?:[Qq]u[eé]|[Cc]u[aá]l)\s+(?:nota|calificaci[oó]n)\s+(?:sac[oó]|tiene|obtuvo|recibi[oó]|
    tuvo)\s+${NAME}|\b[Ww]hat\s+time\s+does\s+${NAME}(?:'s|’s)\s+(?:\p{Ll}+\s+){0,2}?(?:end|start|finish|begin)\b
  `,
  // "where does Tom live", "where is Aisha Khan staying this week".
  re("u")`
    \b[Ww]here\s+(?:does|do|did|is|was)\s+(?:\p{Ll}+\s+){0,3}?${NAME}\s+(?:live|living|stay|staying|sleep|hang\s+out|
    work|works|working)\b|\b(?:[Dd]oes|[Ii]s)\s+${NAME}(?:\s+(?:from|in)\s+(?:my|our|the)\s+\p{Ll}+)?\s+
    (?:have\s+an?\s+(?:boyfriend|girlfriend|partner|crush)|single|dating|seeing (?:anyone|someone)|
    in\s+a\s+relationship)\b|
    \b[Ww]hat\s+did\s+${NAME}\s+(?:ask|say to|tell|type to)\s+(?:the\s+)?(?:tutor|bot|you)\b|\b[Hh]ow\s+many\s+
    (?:late|grace)\s+days\s+(?:has|did)\s+${NAME}\s+(?:used|use|taken|take|got|left)\b
  `,
  // "which sections Priya Shah is enrolled in", "which dorm is Kevin Li in".
  re("u")`
    \b(?:[Ww]hich|[Ww]hat)\s+(?:sections?|classes|courses|labs?|dorm(?:\s+room)?|room|hall|residence|building|
    times?)\s+(?:is\s+|does\s+)?${NAME}\s+(?:is\s+)?(?:in|enrolled|take|taking|attend|live|lives|living|
    registered)\b
  `,
];
