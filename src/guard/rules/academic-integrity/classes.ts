import { re, reSource } from "../../regex.ts";
import type { IntegrityFamily } from "./types.ts";
import { GRADED, REQUEST, SAT_ASSESSMENT } from "./vocabulary.ts";

/**
 * Integrity by class: a request to produce a graded deliverable joined to a sign it will be handed
 * in as is; invented evidence (results, logs, citations, runs never done); documentation claiming
 * what is false; leaked answers to confirm; peer evaluations written for the student. Each
 * pattern joins named parts, so new wording of the same class needs no new sentence.
 */

// Produce it: the verbs that ask for work to be made, not explained.
const PRODUCE = reSource`
  (?:write|do|complete|finish|fill\s+in|fill\s+out|solve|give\s+me|gimme|send\s+me|generate|make|
  build|code|implement|draft|produce|create|prepare|put\s+together|crank\s+out|hand\s+me)
`;
// Invent it: the verbs that ask for evidence to be made ("do" is left out: "how do we detect …").
const INVENT = reSource`
  (?:write|give\s+me|gimme|send\s+me|generate|make|create|produce|prepare|draft|come\s+up\s+with|put\s+together)
`;
// A graded piece of this course by its name: "project 3", "the lab 6 notebook", "the take-home".
const GRADED_REF = reSource`(?:${GRADED}|final exam paper|exam paper|design problem)(?:\s*\d+)?`;
// Who hands it in: the student, or the team they speak for ("our team will submit it").
const SUBMITTER = reSource`
  (?:i|we|(?:my|our|the)\s+(?:team|group|partner|teammates?|groupmates?))
`;
// The tutor's text handed in unchanged: "submit it exactly as you write it", "word for word".
const UNCHANGED = reSource`
  (?:exactly\s+as\s+(?:you|u)\s+(?:write|wrote|draft|give|phrase|word)\s+(?:it|them)|word\s+for\s+word|
  verbatim|unchanged|without\s+(?:any\s+)?(?:changes|edits|editing|changing\s+(?:a|anything)))
`;
// The work goes in as it comes out: ready to commit, push or submit, under the student's name.
const AS_IS = reSource`
  (?:ready\s+to\s+(?:commit|push|submit|hand\s+in|turn\s+in|upload|deploy|merge)|
  so\s+(?:i|we)\s+can\s+(?:just\s+)?(?:commit|push|submit|hand|turn|upload|copy|paste)|
  ${SUBMITTER}(?:'ll|\s+will|'m\s+going\s+to|\s+(?:is|are)\s+going\s+to|\s+can)\s+(?:just\s+)?(?:commit|push|
  submit|hand|turn|upload|copy|paste)\b[^.?!]{0,20}?\b(?:as\s+is|it|them|this)|(?:submit|hand\s+in|turn\s+in|
  upload|paste|commit)\s+(?:it|them|this|that)?\s*${UNCHANGED}|(?:upload|submit|push|commit|hand\s+in|turn\s+in)\s+
  (?:it|them|this)?\s*as\s+is|i\s+should\s+(?:hand|turn)\s+in|(?:to|that\s+i\s+can)\s+(?:hand|turn)\s+in|
  under\s+(?:my|our)\s+(?:name|account|github|username)|in\s+my\s+(?:own\s+)?voice|
  (?:we'll|we\s+will|i'll|i\s+will)\s+say\s+(?:we|i|the\s+team|my\s+team|our\s+team)\s+(?:wrote|did|made|
  built|labell?ed|annotated|collected|created)|code\s+only|skip\s+the\s+explanations?|no\s+explanations?|
  so\s+it\s+passes\s+the\s+(?:autograder|tests)|passes\s+the\s+autograder)
`;
// The whole of it, not a piece to learn from.
const WHOLE = reSource`(?:whole|full|complete|entire|every|all(?:\s+(?:the|of\s+the))?|all\s+\w+)`;

// Evidence a report rests on, which invented would be fraud (plain "data" is left out: fake data
// for unit tests is a tool, not a claim).
const EVIDENCE = reSource`
  (?:results?(?:\s+tables?)?|numbers|figures|metrics|measurements|scores|logs?|runs|experiments?|citations|
  references|sources|bibliography|quotes|survey\s+(?:responses|results|
  answers)|responses|participants|interviews?|confusion\s+matri(?:x|ces)|curves?|ablations?|benchmarks?|
  evaluation\s+(?:results|numbers|section)|p-?values?)
`;
const FAKE = reSource`(?:fake|fabricated|made-?up|invented|fictional|fictitious|bogus|phony|non-?existent|false)`;
const NOT_DONE = reSource`
  (?:i|we|they)\s+(?:never|didn'?t|did\s+not|haven'?t|have\s+not|hadn'?t)\s+(?:actually\s+|really\s+|even\s+)?
  (?:run|ran|do|did|done|collect|collected|train|trained|measure|measured|test|tested|conduct|conducted|
  perform|performed|get\s+to)
`;
const LOOKS = reSource`
  (?:look|looks|seem|seems|appear|appears|sound|sounds)\s+(?:\p{L}+\s+)?(?:legit|real|realistic|respectable|
  impressive|credible|believable|plausible|better|good|genuine|professional|convincing)
`;

// Fake evidence made as a tool, not a claim: "fake logs to test my log parser".
const NOT_A_TOOL = reSource`
  (?![^.?!]{0,90}\b(?:to\s+test|for\s+(?:unit\s+)?test(?:s|ing)|test\s+(?:data|fixtures?)|to\s+debug|to\s+demo)\b)
`;

// What a model did, which a report presents as observed: its misclassified examples, failure cases,
// wrong predictions (plural: "make up a wrong prediction to explain precision" is a teaching example).
const MODEL_OUTCOMES = reSource`
  (?:(?:misclassified|mislabell?ed|misranked|misrouted|failed|failing|wrong|incorrect|erroneous|
  hallucinated|false[- ](?:positive|negative))\s+(?:\p{L}+\s+)?(?:examples|cases|predictions|outputs|queries|
  answers|samples|instances|items|responses|retrievals|rows|documents)|misclassifications|failure\s+cases|
  error\s+cases|(?:model\s+)?predictions|model\s+outputs|user\s+(?:feedback|sessions|complaints))
`;
const MADE_UP = reSource`(?:invent|make\s+up|fabricate|fake|dream\s+up|cook\s+up|conjure\s+up|fudge|imagine)`;
// A graded report to hold them, or a claim that the model produced them.
const PRESENTED_AS_OBSERVED = reSource`
  (?:${GRADED_REF}|report|write-?up|results\s+section|submission)\b|\b(?:the|our|my)\s+
  (?:model|system|classifier|pipeline|retriever)\s+(?:got|gets|made|produced|returned)\b
`;

// Made up to learn from, not to report: "… to help me understand what error analysis looks like".
const FOR_A_REAL_CLAIM = reSource`
  (?![^.?!]{0,60}\b(?:understand|learn|practi[cs]e|illustrat\w*|explain\s+(?:to\s+me|how|what|why)|as\s+an?\s+
  (?:example|exercise|illustration)|toy)\b)
`;

export const INTEGRITY_CLASS_PATTERNS: { family: IntegrityFamily; pattern: RegExp }[] = [
  {
    family: "fabrication",
    // Model outcomes made up for a graded report and analysed as if observed: "invent 20 misclassified
    // examples and write the error analysis for our Project 2 report".
    pattern: re("iu")`
      ^(?=[^]*?\b${PRESENTED_AS_OBSERVED})[^]*?\b${MADE_UP}${NOT_A_TOOL}\s+(?:me\s+|us\s+)?(?:[\p{L}\d,-]+\s+)
      {0,3}?${MODEL_OUTCOMES}\b${FOR_A_REAL_CLAIM}
    `,
  },
  {
    family: "do_my_work",
    // A deliverable of a graded piece, to go in as is: "gimme the project 2 code ready to commit",
    // "fill in every TODO so it passes the autograder, I'll upload it".
    pattern: re("iu")`
      ^(?=[^]*?\b${GRADED_REF}\b)[^]*?\b${PRODUCE}\b[^]{0,200}?\b${AS_IS}|
      (?:${REQUEST})${PRODUCE}\b[^.?!]{0,30}?\b${WHOLE}\s+(?:\p{L}+\s+){0,3}?(?:todos?|cells?|answers?|code|
      solutions?|report|write-?up|notebook|implementation|query\s+set|test\s+set|labels|dockerfile|app|
      evaluation)\b[^.?!]{0,60}?\b(?:for|of|in|from)\s+(?:our\s+|my\s+|the\s+)?${GRADED_REF}\b
    `,
  },
  {
    family: "do_my_work",
    // Peer evaluations of teammates written for the student: they are graded and personal.
    pattern: re("iu")`
      (?:${REQUEST}|\b(?:write|draft|do|fill\s+out|fill\s+in|generate|make)\b)[^.?!]{0,20}?\b(?:my|our|the|
      both|all)?\s*(?:\p{L}+\s+)?peer\s+(?:evaluations?|reviews?|assessments?|ratings?|feedback)\s+
      (?:for|of|about|on)\s+(?:both\s+(?:of\s+)?|all\s+(?:of\s+)?|each\s+of\s+)?(?:my|our)\s+
      (?:\p{L}+\s+)?(?:teammates?|groupmates?|partners?|team\s*members?|group)\b
    `,
  },
  {
    family: "fabrication",
    // Evidence invented outright: "make up six citations", "generate fake experiment logs",
    // "invent results for runs we never did".
    pattern: re("iu")`
      \b(?:make\s+up|invent|fabricate|forge|fake|fudge|falsify|cook\s+up)${NOT_A_TOOL}\s+(?:me\s+|us\s+)?
      (?:[\p{L}\d,-]+\s+){0,4}?${EVIDENCE}\b|(?:${REQUEST})(?:me\s+|
      us\s+)?${INVENT}\b[^.?!]{0,30}?\b${FAKE}${NOT_A_TOOL}\s+(?:[\p{L}\d-]+\s+)
      {0,3}?${EVIDENCE}\b|\b(?:${INVENT}|make\s+up|invent|fill)\b[^]{0,80}?\b${EVIDENCE}\b[^]{0,120}?\b
      (?:${NOT_DONE}|so\s+(?:that\s+)?(?:it|they|this|the\s+(?:\p{L}+\s+){0,2}?\p{L}+)\s+${LOOKS}|(?:don'?t|
      doesn'?t|do\s+not|need\s+not)\s+(?:have|need)\s+to\s+(?:exist|be\s+real))
    `,
  },
  {
    family: "fabrication",
    // Documentation that claims what is false: "write the data sheet so it claims 10k examples",
    // "a results table showing 0.78 when we got 0.41".
    pattern: re("iu")`
      \b(?:${INVENT}|fill)\b[^.?!]{0,40}?\b(?:data\s?sheet|data\s?card|model\s+card|readme|report|write-?up|
      documentation|results?\s+(?:table|section)|confusion\s+matrix|table)\b[^.?!]{0,60}?\b(?:claim|claims|
      claiming|pretend|pretends|pretending|showing|shows|saying|says|states)\s+(?:that\s+)?(?:\p{L}+\s+){0,3}?
      (?:about\s+|around\s+|over\s+)?\d
    `,
  },
  {
    family: "answer_key",
    // Leaked or passed-on answers of a sat assessment, to be confirmed or solved: "someone posted the
    // midterm answers, which are right?", "I have the exam questions from a friend, solve them".
    pattern: re("iu")`
      \b(?:leaked|posted|shared|circulating|sent\s+me|got\s+hold\s+of|from\s+(?:a\s+friend|someone|a\s+senior|
      discord|reddit|a\s+group\s*chat)|i\s+(?:have|got)|we\s+(?:have|got))\b[^]{0,80}?\b(?:this\s+year'?s\s+|
      tomorrow'?s\s+|the\s+)?${SAT_ASSESSMENT}\s+(?:answers?|questions|answer\s+key|paper|solutions?)\b[^]{0,120}?
      \b(?:confirm|verify|check|solve|answer|which\s+(?:ones?\s+|of\s+them\s+)?(?:are|is)\s+(?:right|correct|
      wrong)|are\s+(?:these|they|those)\s+(?:right|correct|legit))\b|(?:\b\d{1,2}\s?[a-e]\b[\s,;.]+){4,}[^]{0,80}?
      \b(?:confirm|verify|check|which\s+(?:ones?\s+)?are\s+(?:right|correct)|are\s+(?:these|they)\s+(?:right|
      correct))\b
    `,
  },
];

// Other languages (accents folded): the whole deliverable to hand in, and invented results.
const DO_ABROAD = reSource`
  (?:haz(?:me)?|hagas|escribe(?:me)?|redacta(?:me)?|completa(?:me)?|fais(?:-moi)?|faire|ecris(?:-moi)?|
  redige(?:-moi)?|schreib(?:e)?|mach|erledige|faz|faca|escreva|escreve)
`;
const WORK_ABROAD = reSource`
  \p{L}*(?:informe|trabajo|proyecto|laboratorio|tarea|examen|projet|rapport|devoir|bericht|projekt|
  hausaufgabe|aufgabe|arbeit|trabalho|projeto|relatorio|tarefa)\p{L}*
`;
const WHOLE_OR_HAND_IN_ABROAD = reSource`
  (?:completo|completa|entero|entera|en\s+entier|complet|complete|en\s+entier|komplett\w*|vollstandig\w*|
  ganz\w*|inteiro|inteira|completo|je\s+(?:le|la)\s+rendrai|sous\s+mon\s+nom|lo\s+entrego|la\s+entrego|
  como\s+mio|(?:gebe|reiche)\s+\p{L}+\b.{0,30}\b(?:ab|ein)|als\s+mein\w*|eu\s+entrego|pra\s+mim|para\s+mim|
  por\s+mi|pour\s+moi|fur\s+mich)
`;
const EVIDENCE_ABROAD = reSource`
  (?:resultados?|datos|numeros|cifras|citas|referencias|resultats|donnees|chiffres|ergebnisse|daten|
  zahlen|quellen|dados|numeros|citacoes)
`;
const INVENT_ABROAD = reSource`(?:inventa\w*|inventez|invente[sz]?|erfinde\w*|falsifi\w*|fabrica\w*|amanha\w*)`;

export const INTEGRITY_CLASS_ABROAD: { family: IntegrityFamily; pattern: RegExp }[] = [
  {
    family: "do_my_work",
    pattern: re(
      "iu",
    )`\b${DO_ABROAD}\b[^.?!]{0,60}?\b${WORK_ABROAD}\b[^]{0,120}?\b${WHOLE_OR_HAND_IN_ABROAD}\b`,
  },
  {
    family: "fabrication",
    pattern: re("iu")`
      \b${INVENT_ABROAD}\b[^.?!]{0,40}?\b${EVIDENCE_ABROAD}\b|\b${EVIDENCE_ABROAD}\b[^.?!]{0,30}?\b${INVENT_ABROAD}
    `,
  },
];
