import { contentTerms } from "../../text/terms.ts";
import { textViews } from "../normalize.ts";
import type { GuardRule, GuardVerdict } from "../types.ts";

/**
 * Academic integrity: asking the tutor to produce graded work ("write my lab report"), to hand
 * over answers to graded work ("give me the exam answers"), or pasting a graded question to get
 * its answer. The rule refuses with `redirect: "hint"`: the pipeline still retrieves and replies
 * with a Socratic hint built from the course material, so the student leaves with help.
 *
 * Asking *about* graded work ("explain the exam format", "how is Project 2 graded?", "how do I
 * write a good report?") is allowed: the patterns need a request aimed at the tutor.
 */
export type IntegrityFamily = "do_my_work" | "answer_key" | "pasted_question" | "known_question" | "custom";

const GRADED =
  "(?:lab|labs|assignment|assignments|homework|homeworks|hw|project|projects|capstone|problem set|problem sets|pset|psets|exam|exams|midterm|midterms|final exam|final|quiz|quizzes|test|take-?home(?: exam)?|coursework|graded work)";
const DELIVERABLE = `(?:${GRADED}|report|reports|essay|essays|paper|submission|deliverables?|write-?up|ai use statement|proposal|project proposal|notebook for (?:lab|project)|code for (?:my|the|our|this) (?:lab|project|assignment|capstone|homework)|(?:lab|project|capstone|assignment|homework)\\s*\\d*\\s*(?:report|code|notebook|solution|answers?|writeup|write-up|submission|questions?))`;
// Phrases that aim what follows at the tutor as a request.
const REQUEST =
  "(?:^|[.!?;:\\n]\\s*|\\b(?:can|could|would|will|won'?t|wont)\\s+(?:you|u)\\s+(?:please\\s+|just\\s+|quickly\\s+|kindly\\s+|maybe\\s+)?|\\bplease\\s+|\\bpls\\s+|\\bplz\\s+|\\b(?:i|we)\\s+(?:need|want|would like|'d like|require|expect)\\s+(?:you|u)\\s+to\\s+|\\bjust\\s+|\\bgo ahead and\\s+|\\bi'?m asking you to\\s+|\\byour job is to\\s+|\\b(?:now|so|ok|okay|then|hey|hi)[,\\s]+|\\b(?:tutor|bot)[,:!]\\s*|\\bi need (?:someone|somebody) to\\s+|\\bhow much (?:would|to) (?:you|u) (?:charge )?to\\s+)";
const STRONG_VERB = "(?:write|do|complete|finish|solve|ghostwrite|ghost-write|code|implement|program|answer)";
const WEAK_VERB =
  "(?:make|create|produce|generate|build|draft|compose|handle|take care of|work out|rewrite|paraphrase|fill (?:in|out)|prepare|put together|crank out|knock out|bang out|whip up)";
// Someone else's work is still graded work: "rewrite my friend's lab report" hands it in too.
const FILLER =
  "(?:(?:the|my|our|this|that|these|those|all|of|entire|whole|full|complete|final|remaining|rest of the|rest of my|an?|me|up|out|week|weekly|next|first|second|third|last|\\d+|one|two|three|(?:friend|classmate|teammate|roommate|partner|brother|sister|mate)'?s|(?:[\\p{L}-]+\\s+)?(?:part|parts|section|sections|portion|half|rest|bits?) of)\\s+)*";
// "Do the labs count …?" is a question about labs, not a request to do them.
const QUESTION_VERB =
  "(?:count|counts|have|need|take|require|get|use|include|matter|affect|work|start|end|close|open|cover|go|run|happen|come|weigh|allow|mean|carry|drop|differ|overlap|share|involve|look|get|look like|contain|build on|depend|due|be|belong|apply)";
const FOR_ME =
  "\\b(?:for me|for us|for (?:my|our) (?:team|group)|so (?:i|we) can (?:just\\s+)?(?:submit|hand (?:it )?in|turn (?:it )?in|copy|upload)|that i can (?:submit|hand in|turn in|copy)|i can (?:just )?(?:submit|hand in|turn in|copy)|to (?:submit|hand in|turn in)|i(?:'ll| will)\\s+(?:\\w+\\s+(?:and|&)\\s+)?(?:just\\s+)?(?:submit|hand (?:it )?in|turn (?:it )?in|upload))\\b";

// "Can the tutor do my lab for me?" asks about the policy; the request is not aimed at the tutor.
const NOT_THIRD_PERSON =
  "(?<!\\b(?:can|could|will|would|should|may|might|does|do|is it ok (?:for|if)|is it allowed (?:for|if))\\s+(?:the\\s+)?(?:course\\s+)?(?:tutor|bot|assistant|ai|chatgpt|an? ai|someone|anyone|somebody|a friend|my friend|a classmate|my teammate|students?|people|it|they|he|she)\\s+)";

// How the work should be done says nothing about whose it is: "solve it completely for me" is
// "solve it for me".
const MANNER =
  "(?:(?:completely|fully|entirely|all|properly|quickly|fast|now|right now|end to end|in full|step by step|from scratch|asap)\\s+)?";
// Assessments whose questions are secret until they are sat (labs and projects are published).
const SAT_ASSESSMENT = "(?:midterm|midterms|final|finals|final exam|exam|exams|quiz|quizzes|test|tests)";

const PATTERNS: { family: IntegrityFamily; pattern: RegExp }[] = [
  {
    family: "answer_key",
    pattern: new RegExp(
      `\\b(?:give|send|show|tell|share|provide|leak|post|get|need|want|have|find|what are|what're|list|dm|email|upload|where (?:can|do) i (?:get|find)|looking for|anyone have|does anyone have|do you have|is there)\\b.{0,25}?\\b(?:the\\s+|all\\s+(?:the\\s+)?|me\\s+(?:the\\s+)?|us\\s+(?:the\\s+)?)?(?:answers?|solutions?|answer key|answer sheet|model answers?|sample solutions?|correct answers?|marking scheme|grading key|worked solutions?|questions|solution manual|cheat ?sheet answers)\\s+(?:to|for|of|from|in|on)\\s+(?:the\\s+|my\\s+|our\\s+|this\\s+|tomorrow'?s\\s+|today'?s\\s+|next week'?s\\s+|upcoming\\s+|last year'?s\\s+|this week'?s\\s+|the upcoming\\s+|friday'?s\\s+|thursday'?s\\s+)?(?:graded\\s+)?(?:week\\s*\\d+\\s+|\\d+\\s+)?${GRADED}`,
      "iu",
    ),
  },
  {
    family: "answer_key",
    pattern: new RegExp(
      `\\b(?:give|send|show|tell|share|provide|leak|post|get|need|want|what are|list)\\b.{0,30}?\\b(?:${GRADED})\\s*(?:\\d+\\s*)?(?:answers|answer|solutions|solution|answer key|answer sheet|questions in advance|questions ahead of time|questions before|leak|leaked questions)\\b`,
      "iu",
    ),
  },
  {
    family: "answer_key",
    pattern: new RegExp(
      `\\b(?:give|send|show|share|provide|leak|post|get|upload|dm|email|sell|forward)\\s+(?:me\\s+|us\\s+)?(?:the\\s+|all\\s+(?:the\\s+)?)?(?:actual\\s+|real\\s+|upcoming\\s+|tomorrow'?s\\s+|next\\s+)?(?:${GRADED})\\s*(?:\\d+\\s*)?(?:questions|problems|paper)\\b`,
      "iu",
    ),
  },
  {
    family: "answer_key",
    pattern: new RegExp(
      `\\b(?:exact|actual|real|specific)\\s+(?:questions|problems|tasks)\\s+(?:on|in|for|of|from)\\s+(?:the\\s+|tomorrow'?s\\s+|next\\s+|upcoming\\s+|this\\s+|our\\s+)?(?:${GRADED})\\b`,
      "iu",
    ),
  },
  {
    family: "answer_key",
    pattern: new RegExp(
      `\\b(?:leaked|stolen)\\s+(?:${GRADED})\\b|\\b(?:${GRADED})\\s+(?:leak|leaks|leaked)\\b|\\bwhat\\s+(?:exact\\s+)?questions\\s+(?:are|will be)\\s+on\\s+(?:the\\s+|tomorrow'?s\\s+)?(?:midterm|final|exam|quiz|test)\\b.{0,40}\\b(?:exactly|word for word|and (?:their|the) answers)\\b`,
      "iu",
    ),
  },
  {
    family: "do_my_work",
    pattern: new RegExp(
      `${REQUEST}(?!do\\b)${STRONG_VERB}\\s+${FILLER}${DELIVERABLE}\\b(?!\\s+${QUESTION_VERB}\\b)`,
      "iu",
    ),
  },
  {
    family: "do_my_work",
    pattern: new RegExp(`${REQUEST}${STRONG_VERB}\\s+${FILLER}${DELIVERABLE}\\b[^.?!]{0,60}${FOR_ME}`, "iu"),
  },
  {
    family: "do_my_work",
    pattern: new RegExp(
      `${NOT_THIRD_PERSON}\\b(?:${STRONG_VERB}|${WEAK_VERB})\\s+(?:my|our)\\s+${FILLER}${DELIVERABLE}\\b[^.?!]{0,60}${FOR_ME}`,
      "iu",
    ),
  },
  {
    family: "do_my_work",
    pattern: new RegExp(
      `${REQUEST}(?:${WEAK_VERB})\\s+${FILLER}${DELIVERABLE}\\b[^.?!]{0,60}${FOR_ME}`,
      "iu",
    ),
  },
  {
    family: "do_my_work",
    pattern: new RegExp(
      `${REQUEST}(?:${STRONG_VERB}|${WEAK_VERB})\\s+(?:my|our)\\s+${FILLER}${DELIVERABLE}\\b(?!\\s+${QUESTION_VERB}\\b)`,
      "iu",
    ),
  },
  {
    family: "do_my_work",
    pattern: new RegExp(
      `\\b(?:write|do|complete|finish|solve|code)\\s+(?:it|this|them)\\s+${MANNER}for\\s+me\\b.{0,80}\\b${GRADED}\\b|\\b${GRADED}\\s*\\d*\\b.{0,80}\\b(?:write|do|complete|finish|solve|code)\\s+(?:it|this|them)\\s+${MANNER}for\\s+me\\b`,
      "iu",
    ),
  },
  {
    family: "do_my_work",
    pattern: new RegExp(
      `\\b(?:i|we)(?:\\s+will|'ll|\\s+can|\\s+could|\\s+would|'d)\\s+(?:pay|venmo|tip|give)\\s+(?:you|u)\\b.{0,80}\\b(?:${DELIVERABLE}|do it|write it|for it)\\b|\\b(?:pay|paying)\\s+(?:you|someone|somebody)\\s+to\\s+(?:write|do|complete|finish)\\b`,
      "iu",
    ),
  },
  {
    family: "do_my_work",
    pattern: new RegExp(
      `${NOT_THIRD_PERSON}\\b(?:give|send|show|write|paste|provide|generate|dump)\\s+(?:me|us)\\s+(?:the\\s+)?(?:full|complete|entire|whole|finished|final|working)?\\s*(?:code|solution|implementation|notebook|report|essay|answer|answers|writeup|write-up)\\s+(?:for|to|of)\\s+(?:the\\s+|my\\s+|our\\s+|this\\s+)?${GRADED}`,
      "iu",
    ),
  },
  {
    family: "do_my_work",
    // Anything the student means to hand in as their own.
    pattern:
      /\b(?:write|give|produce|generate|create|draft|make|compose|code|type|provide|send|finish|complete|prepare|build)\s+(?:me\s+|us\s+)?(?:[\p{L}\d'-]+\s+){0,4}?(?:answer|answers|solution|solutions|response|code|text|version|essay|report|submission|write-?up|paragraph|paragraphs|pages?|words?|notebook|script|file|pdf)\b.{0,50}\b(?:so (?:i|we) can|that (?:i|we) can|(?:i|we) can|to|i'?ll|we'?ll|i will|we will|i could|ready to)\s+(?:just\s+|directly\s+)?(?:submit|hand (?:it |this )?in|turn (?:it |this )?in|copy(?: and paste)?|paste (?:it )?into|upload|put (?:it )?on gradescope|post (?:it )?to gradescope)\b/iu,
  },
  {
    family: "do_my_work",
    pattern: new RegExp(
      `${REQUEST}(?:${STRONG_VERB}|${WEAK_VERB})\\s+${FILLER}(?:${GRADED}\\s*\\d*\\s*)?(?:submission|submissions|deliverables?)\\b`,
      "iu",
    ),
  },
  {
    family: "do_my_work",
    pattern: new RegExp(
      `${NOT_THIRD_PERSON}\\b(?:answer|solve|do|complete|finish|work out|write up)\\s+(?:the\\s+|these\\s+|this\\s+|those\\s+|all\\s+(?:the\\s+)?|my\\s+)?(?:questions?|problems?|exercises?|tasks?|parts?|q)\\s*(?:\\d+|[a-z]\\))?(?:\\s*(?:and|,)\\s*\\d+)*\\s+(?:from|in|of|on|for)\\s+(?:the\\s+|my\\s+|our\\s+|this\\s+|today'?s\\s+|tomorrow'?s\\s+)?${GRADED}\\b`,
      "iu",
    ),
  },
  {
    family: "do_my_work",
    pattern: new RegExp(
      `${NOT_THIRD_PERSON}\\b(?:take|sit|write|do|complete)\\s+(?:my|the|our)\\s+(?:${GRADED})\\s*\\d*\\s+for\\s+(?:me|us)\\b|\\bhelp\\s+(?:me|us)\\s+cheat\\b|\\bcheat\\s+(?:on|in|during)\\s+(?:the|my|our|this)\\s+(?:${GRADED})\\b`,
      "iu",
    ),
  },
  {
    family: "answer_key",
    // The name of a marking document is the request, whatever verb leads to it ("whats the
    // answer key for …", "got the marking scheme for …"). "When will the answer key for the
    // midterm be released?" asks about policy and has no leading request.
    pattern: new RegExp(
      `\\b(?:what(?:'s|s| is| are)|where(?:'s|s| is| are)|got|share|send|give|post|dm|leak|drop|hook me up with)\\s+(?:me\\s+|us\\s+)?(?:the\\s+|an?\\s+|your\\s+)?(?:answer keys?|answer sheets?|marking (?:scheme|guide)|grading key|model answers|solutions? manual|worked solutions|sample solutions|official solutions)\\s+(?:to|for|of|from|on)\\s+(?:the\\s+|my\\s+|our\\s+|this\\s+|tomorrow'?s\\s+|today'?s\\s+|next\\s+|upcoming\\s+)?(?:graded\\s+)?(?:week\\s*\\d+\\s+|\\d+\\s+)?${GRADED}\\b`,
      "iu",
    ),
  },
  {
    family: "answer_key",
    // A bare request: the whole message is "answers for quiz 5 pls".
    pattern: new RegExp(
      `(?:^|[.!?]\\s+)(?:(?:pls|please|plz|hey|ok|so|yo|need|want|i need|i want)\\s+)?(?:the\\s+|all\\s+(?:the\\s+)?)?(?:answers|solutions|answer key|answer sheet)\\s+(?:to|for|of|from|on)\\s+(?:the\\s+|my\\s+|this\\s+|today'?s\\s+|tomorrow'?s\\s+)?(?:graded\\s+)?(?:week\\s*\\d+\\s+)?${GRADED}\\s*\\d*\\s*(?:pls|please|plz|asap|now|thanks|thx|[!?.])*\\s*$`,
      "iu",
    ),
  },
  {
    family: "answer_key",
    // Asking for the questions of an upcoming assessment: the time anchor ("this year",
    // "tomorrow", "in advance") separates a leak from "what are exam questions usually like?".
    pattern: new RegExp(
      `\\bwhat\\s+(?:are|will(?: be)?|were|r)\\s+(?:the\\s+)?(?:actual\\s+|real\\s+|exact\\s+)?(?:final\\s+|midterm\\s+)?${GRADED}\\s+questions\\s+(?:be\\s+)?(?:for\\s+|on\\s+)?(?:this (?:year|term|semester)|tomorrow|next week|in advance|ahead of time|before (?:the|it))\\b`,
      "iu",
    ),
  },
  {
    family: "do_my_work",
    // A finished piece of graded work asked for by its completeness ("paste a finished solution
    // to the … assignment").
    pattern: new RegExp(
      `(?:${REQUEST}(?:give|send|show|write|paste|provide|generate|dump|post|share)|\\b(?:i|we)\\s+(?:need|want|would like|'d like)|\\bneed|\\bwant)\\s+(?:me\\s+|us\\s+)?(?:a\\s+|an\\s+|the\\s+)?(?:full|complete|entire|whole|finished|final|working|ready-to-submit|submittable)\\s+(?:code|solution|implementation|notebook|report|essay|answers?|writeup|write-up|version)\\s+(?:for|to|of)\\s+(?:the\\s+|my\\s+|our\\s+|this\\s+)?(?:[\\p{L}\\d-]+\\s+){0,3}?${GRADED}\\s*\\d*\\s*(?=$|[,.;:!?)]|\\s+(?:so|that|which|and|for|pls|please|plz|now|asap|today|tonight|tomorrow|by|before|due|i|we|just)\\b)`,
      "iu",
    ),
  },
  {
    family: "do_my_work",
    // A question the student calls graded, handed to the tutor to answer.
    pattern: new RegExp(
      `${NOT_THIRD_PERSON}\\b(?:answer|solve|do|complete|finish|write|work out)\\s+(?:this|these|the|my|our)\\s+(?:graded|assessed|marked|for-credit)\\s+(?:${GRADED}\\s+)?(?:questions?|problems?|exercises?|tasks?)\\b`,
      "iu",
    ),
  },
  {
    family: "do_my_work",
    // The work named vaguely ("the whole thing", "everything") but aimed at a graded deliverable:
    // "can you just write the whole thing for my assignment".
    pattern: new RegExp(
      `${REQUEST}(?:${STRONG_VERB}|${WEAK_VERB})\\s+(?:it|this|that|everything|all of it|the (?:whole|entire) (?:thing|lot)|the rest|the (?:whole|entire|full) (?:code|text|answer|solution|report|essay))\\s+(?:for|of|in|on)\\s+(?:my|our)\\s+(?:\\w+\\s+)?${GRADED}\\b`,
      "iu",
    ),
  },
  {
    family: "do_my_work",
    // Disguising copied or generated work so it passes as the student's own: the intent that
    // makes any rewrite request a request for graded work.
    pattern:
      /\b(?:doesn'?t|does not|won'?t|wouldn'?t|will not|not|never)\s+(?:look|seem|appear|read|sound|get flagged|be flagged|be detected|show up)\s+(?:as\s+|like\s+)?(?:it was\s+|it's\s+)?(?:copied|plagiari[sz]ed|plagiarism|ai[- ]generated|written by (?:an? )?(?:ai|chatgpt|bot)|the same)\b|\b(?:avoid|bypass|evade|beat|fool|trick|get (?:past|around)|pass|slip past|dodge)\s+(?:the\s+)?(?:(?:plagiarism|similarity|originality|copy)[- ](?:check\w*|detect\w*|software|tools?|scan\w*|filters?)|turnitin|gptzero|moss|ai[- ]?detect\w*)\b|\b(?:won'?t|wouldn'?t|doesn'?t|don'?t|can'?t|not|never)\s+(?:notice|reali[sz]e|find out|know|tell|catch|spot|detect|see)\b.{0,30}\b(?:copied|plagiari[sz]ed|cheated|used (?:ai|chatgpt|you|a bot)|didn'?t write)\b|\bmake\s+(?:it|this|them|the (?:code|report|essay|answer))\s+(?:look|sound|read|seem)\s+(?:like\s+)?(?:(?:a|another)\s+(?:student|human|person)\s+(?:wrote|did|made|had written)|i\s+(?:wrote|did|made)|(?:it'?s\s+|it is\s+)?(?:my|our)\s+own)\b|\b(?:turnitin|gptzero|moss|(?:the\s+)?(?:plagiarism|similarity|ai|copy)[- ](?:checker|detector|check|scanner|software))\s+(?:won'?t|wouldn'?t|doesn'?t|don'?t|can'?t|cannot|will not|does not|never)\s+(?:catch|flag|notice|detect|spot|find|see|pick up)\b/iu,
  },
  {
    family: "do_my_work",
    // Spanish, French, German, Italian and Portuguese: a "do / write / solve" verb with "my"
    // graded work or "in my place / for me"; German asking "kannst du" puts the verb
    // last ("kannst du meine Hausaufgabe … lösen"); "wie kann ich meine Hausaufgabe lösen" asks for help. Accents are folded away before matching.
    pattern:
      /\b(?:haz(?:me)?|hace(?:me)?|hagas|resuelve(?:me)?|escribe(?:me)?|completa(?:me)?|termina(?:me)?|redacta(?:me)?|fais|faire|fait|resous|resoudre|redige|rediger|ecris|ecrire|termine|terminer|complete|completer|mach|machen|machst|lose|losen|lost|schreib|schreibe|schreiben|erledige|erledigen|fa(?:mmi|i)?|fare|risolvi|scrivi|completa|faca|faz|resolva|escreva)\b.{0,40}\b(?:(?:mi|mis|mon|ma|mes|meine|meinen|meiner|mein|il mio|la mia|i miei|le mie|meu|minha|meus|minhas)\s+(?:\p{L}+\s+)?(?:tarea|tareas|deberes|trabajo|laboratorio|proyecto|examen|practica|ensayo|informe|devoir|devoirs|projet|rapport|dissertation|tp|td|hausaufgabe|hausaufgaben|aufgabe|aufgaben|projekt|prufung|klausur|bericht|laborbericht|ubung|ubungsblatt|compito|compiti|progetto|esame|relazione|tarefa|tarefas|trabalho|projeto|prova|relatorio)|(?:tarea|tareas|deberes|trabajo|laboratorio|proyecto|examen|devoir|devoirs|projet|rapport|hausaufgabe|hausaufgaben|aufgabe|projekt|compito|compiti|progetto|tarefa|trabalho|projeto)\b.{0,40}\b(?:por mi|a ma place|pour moi|fur mich|per me|por mim))\b|\b(?:kannst|konntest|wurdest|willst|sollst)\s+du\b.{0,20}\b(?:meine|meinen|mein|meiner)\s+(?:\p{L}+\s+)?(?:hausaufgabe|hausaufgaben|aufgabe|aufgaben|projekt|prufung|klausur|bericht|laborbericht|ubung|ubungsblatt|abgabe)\b.{0,40}\b(?:losen|machen|schreiben|erledigen|bearbeiten|fertig ?machen|fertigstellen)\b|\b(?:hazme|resuelveme|escribeme)\s+(?:la|el|los|las)\s+(?:tarea|tareas|deberes|trabajo|laboratorio|proyecto|examen|practica|ensayo|informe)\b/iu,
  },
  {
    family: "do_my_work",
    // Whatever the tutor would write for a deliverable, asked for to be handed in ("send me
    // whatever you'd write for the report, I'll tweak and submit it").
    pattern: new RegExp(
      `\\b(?:send|give|write|paste|show)\\s+(?:me|us)\\b.{0,60}\\b(?:${DELIVERABLE})\\b.{0,40}${FOR_ME}`,
      "iu",
    ),
  },
  {
    family: "do_my_work",
    // Handing it in, said in Spanish, French, German, Italian or Portuguese, about "my" graded work.
    pattern:
      /\b(?:mi|mis|mon|ma|mes|meine|meinen|mein|il mio|la mia|meu|minha)\s+(?:\p{L}+\s+)?(?:tarea|tareas|deberes|trabajo|laboratorio|proyecto|examen|practica|ensayo|informe|devoir|devoirs|projet|rapport|dissertation|hausaufgabe|hausaufgaben|aufgabe|projekt|bericht|compito|progetto|relazione|tarefa|trabalho|projeto|relatorio)\b.{0,80}\b(?:(?:yo )?(?:solo |nada mas )?(?:lo|la|los|las) entrego|para entregar(?:lo|la)?|je (?:le|la|les) rend(?:s|rai)|pour (?:le|la|les) rendre|(?:es|sie|ihn) (?:nur )?abgeben|zum abgeben|(?:lo|la) consegno|per consegnarl[oa]|eu (?:o|a) entrego)\b/iu,
  },
  {
    family: "do_my_work",
    // Declared intent to pass the tutor's work off as the student's own.
    pattern:
      /\b(?:submit|hand in|turn in|pass off|present|upload)\s+(?:it|this|that|them|the (?:code|answer|report|essay|work))\s+as\s+(?:my|our)\s+own\b|\bas\s+(?:mine|ours)\b.{0,20}$|\b(?:submit|hand in|turn in|pass off|present)\s+(?:it|this|that|them)\s+as\s+(?:mine|ours)\b/iu,
  },
  {
    family: "answer_key",
    // The real questions of a sat assessment, asked for outright in a message about it ("What
    // will be on the midterm? Give me the real questions and their answers"). "Give me some
    // practice questions like the midterm's" asks for practice.
    pattern: new RegExp(
      `^(?=[\\s\\S]*\\b${SAT_ASSESSMENT}\\b(?!\\s+(?:round|interview|stage)))[\\s\\S]*\\b(?:give|send|show|tell|share|list|leak|post|dm|write out|type out)\\s+(?:me|us)\\s+(?:the\\s+|all\\s+(?:the\\s+)?)?(?:real|actual|exact|official|upcoming|genuine)\\s+(?:${SAT_ASSESSMENT}\\s+)?(?:questions|problems|prompts|tasks)\\b(?!\\s+(?:that\\s+)?(?:people|companies|interviewers|employers|asked|used|from (?:interviews|industry)|in (?:interviews|industry|practice|the real world)))`,
      "iu",
    ),
  },
  {
    family: "do_my_work",
    // Passing off work as one's own share: "… so it looks like I did my share", "so the TA
    // thinks I wrote it".
    pattern:
      /\b(?:so|and)\s+(?:that\s+)?(?:it|this|they|everyone|the (?:staff|ta|tas|graders?|team|professor|prof|instructor))\s+(?:looks?|seems?|appears?|reads?|thinks?|believes?|assumes?)\s+(?:like|as if|as though|that)?\s*(?:i|we)\s+(?:did|wrote|made|coded|built|contributed|worked on|did (?:my|our) (?:share|part))\b/iu,
  },
];

// A pasted graded question: its marks, its instructions, its multiple-choice options.
const STRUCTURE = [
  /[([]\s*\d+(?:\.\d+)?\s*(?:points?|pts?\.?|marks?)\s*[)\]]/iu,
  /\b(?:for full (?:credit|marks|points)|show (?:all )?(?:of )?your work|justify your answer|explain your reasoning for full|no credit (?:will be given|without))\b/iu,
  /\bwhich of the following\b/iu,
  /\b(?:select|choose|circle|pick) (?:one|all that apply|the (?:best|correct|most appropriate) (?:answer|option))\b/iu,
  /(?:^|\n|\s)(?:\(?[a-d]\)|[a-d]\.)\s+\S[^\n]{0,160}(?:\n|\s)(?:\(?[a-d]\)|[a-d]\.)\s+\S[^\n]{0,160}(?:\n|\s)(?:\(?[a-d]\)|[a-d]\.)\s+\S/iu,
  /(?:^|\n)\s*(?:q(?:uestion)?\s*\d+(?:\.\d+)?(?:\s*\([a-z]\))?\s*[.):]|problem\s+\d+\s*[.):]|part\s+\(?[a-z]\)?\s*[.):])/iu,
  /\btrue or false\s*[:?]/iu,
  /\b\d+\s*(?:points?|pts|marks)\s*(?:each|total|\))/iu,
];
const GRADED_CONTEXT = new RegExp(
  `\\b(?:(?:this|it)(?:'s| is| was)\\s+(?:from|for|on|in|part of)\\s+(?:my|our|the|a|tomorrow'?s|today'?s)\\s+(?:graded\\s+|take-?home\\s+|online\\s+)?${GRADED}|(?:graded|take-?home|online)\\s+(?:${GRADED}|question)|(?:${GRADED})\\s*\\d*\\s*(?:question|questions|problem|problems|q\\d+|part)|(?:due|submit(?:ted)?|deadline)\\s+(?:tonight|tomorrow|today|in (?:\\d+|an?|one|two|a few) (?:hours?|minutes?|mins?))|question\\s*\\d+\\s+(?:of|from|in|on)\\s+(?:the\\s+|my\\s+|today'?s\\s+|tomorrow'?s\\s+|this week'?s\\s+)?(?:${GRADED})|(?:on|in) (?:my|the) (?:${GRADED}) (?:right now|now|at the moment)|(?:taking|doing|sitting|writing|in the middle of) (?:my|the) (?:${GRADED})(?: right)?(?: now)?|(?:have|got|starting|start) (?:an?|my|the) (?:${GRADED}) (?:in|starting in) (?:\\d+|an?|one|two|five|ten|fifteen) ?(?:min|mins|minutes|hours?|hrs?)|during (?:the|my) (?:${GRADED}))\\b`,
  "iu",
);
// Sitting a closed assessment at this very moment: any question asked then is a question from
// it ("I'm on question 3 of the midterm right now, what's precision if …?"). The time anchor is
// required: "what happens if I'm sick during the midterm?" asks about policy.
// In-class polls and practice quizzes are not closed exams: "I'm doing the quiz now, is it graded?" asks.
const CLOSED_EXAM = "(?:midterm|final|final exam|exam|test)(?:\\s+exam)?";
const LIVE_ASSESSMENT = new RegExp(
  `\\b(?:(?:on|in|doing|taking|sitting|writing|in the middle of|stuck on)\\s+(?:(?:question|q|problem|part)\\s*\\d+[a-z]?\\s+(?:of|on|in)\\s+)?(?:my|the|this|our)\\s+${CLOSED_EXAM}|(?:question|q|problem|part)\\s*\\d+[a-z]?\\s+(?:of|on|in)\\s+(?:my|the|this|our)\\s+${CLOSED_EXAM})\\s+(?:right now|rn|now|currently|atm|at the moment|as we speak|as i type)\\b`,
  "iu",
);
const URGENT_QUESTION = /\?|\b(?:hurry|quick(?:ly)?|fast|asap|urgent|help)\b/iu;

const ANSWER_REQUEST =
  /\b(?:what(?:'s| is) the (?:full |complete |correct |right |final )?(?:answer|solution)|which (?:one|option|answer|choice) is (?:correct|right|true)|(?:just|please) (?:give|tell) me (?:the )?(?:answer|solution|letter|option)|give me the (?:answer|solution)|solve (?:this|it|these|the following)|answer (?:this|these|it|the following|question)|the answer (?:is|to)|(?:need|want) the (?:answer|solution)|fill in the (?:blank|answer)|what should i (?:put|write|answer)|what (?:answers?|options?|letters?) should (?:i|we) (?:put|write|give|choose|pick|select)|correct option|do (?:this|these|it) for me|tell me what to (?:write|put|answer|say|choose|pick|select)|(?:full|top)[- ]marks? (?:answer|response|solution)|full[- ]credit (?:answer|response|solution)|perfect[- ]score (?:answer|response))\b/iu;

export interface IntegrityOptions {
  extraPatterns: readonly RegExp[];
  /** Graded questions of this course: pasting one (or most of one) triggers the rule. */
  gradedQuestions: readonly string[];
  /** Share of a graded question's terms a message must contain to count as pasting it. */
  minQuestionOverlap: number;
  refusal?: string;
}

export const defaultIntegrityOptions: IntegrityOptions = {
  extraPatterns: [],
  gradedQuestions: [],
  minQuestionOverlap: 0.7,
};

function pastesKnownQuestion(text: string, options: IntegrityOptions): boolean {
  if (options.gradedQuestions.length === 0) return false;
  const message = new Set(contentTerms(text));
  return options.gradedQuestions.some((question) => {
    const terms = [...new Set(contentTerms(question))];
    if (terms.length < 4) return false;
    const present = terms.filter((t) => message.has(t)).length;
    return present / terms.length >= options.minQuestionOverlap;
  });
}

export function findIntegrityIssue(
  text: string,
  options: IntegrityOptions,
  views = textViews(text),
): IntegrityFamily | undefined {
  const forms = views.forms.concat(views.decoded.flatMap((p) => p.forms));
  for (const form of forms) {
    for (const { family, pattern } of PATTERNS) if (pattern.test(form)) return family;
    for (const pattern of options.extraPatterns) if (pattern.test(form)) return "custom";
  }
  const clean = views.clean;
  const structured = STRUCTURE.some((pattern) => pattern.test(clean));
  const gradedContext = GRADED_CONTEXT.test(clean);
  const wantsAnswer = ANSWER_REQUEST.test(clean);
  if ((structured && (gradedContext || wantsAnswer)) || (gradedContext && wantsAnswer))
    return "pasted_question";
  if (LIVE_ASSESSMENT.test(clean) && URGENT_QUESTION.test(clean)) return "pasted_question";
  if (pastesKnownQuestion(clean, options)) return "known_question";
  return undefined;
}

export const defaultIntegrityRefusal =
  "I can't write graded work or hand over answers to graded questions, but I can help you understand the ideas so you can work it out yourself.";

export function academicIntegrityRule(options: IntegrityOptions = defaultIntegrityOptions): GuardRule {
  return {
    id: "input.academic_integrity",
    stage: "input",
    check(text, context): GuardVerdict {
      const family = findIntegrityIssue(text, options, context.views ?? textViews(text));
      if (!family) return { rule: "input.academic_integrity", action: "allow" };
      return {
        rule: "input.academic_integrity",
        action: "refuse",
        reason: options.refusal ?? defaultIntegrityRefusal,
        redirect: "hint",
        details: { family },
      };
    },
    // A request for graded work is searched by its subject ("write my report on X" → "X").
    searchText: (text, verdict) => (verdict?.redirect === "hint" ? integrityTopic(text) : text),
  };
}

// What a request for graded work wraps around its subject: the asking, the deliverable, the
// deadline and the marks. Dropped so the hint is searched by the concept, not by "submit" or "lab".
const TOPIC_NOISE: RegExp[] = [
  // Handing in, deadlines and payment, from the connective on ("… so I can hand it in").
  /\b(?:so (?:that )?(?:i|we) can|(?:so |and |then )?(?:i'?ll|we'?ll|i will|we will)|to)\s+(?:just\s+)?(?:submit|hand|turn|upload|pay|give you)\b[^.?!,;]*/giu,
  /\b(?:it'?s|it is|this is|which is|they'?re|that'?s)\s+(?:due|for)\b[^.?!,;:]*/giu,
  /\b(?:due|submitted|deadline)\s+(?:tonight|tomorrow|today|in \d+ \w+|on \w+)\b/giu,
  /\b(?:show (?:all )?your work|for full (?:credit|marks)|just give me the (?:answer|letter|solution)|what'?s the correct answer\??)/giu,
  /[([]\s*\d+(?:\.\d+)?\s*(?:points?|pts?\.?|marks?)\s*[)\]]/giu,
  /^\s*(?:q(?:uestion)?\s*\d+(?:\.\d+)?\s*[.):]|problem\s+\d+\s*[.):])/giu,
  /\b(?:this is (?:from|for) (?:my|our|the) [\w\s-]{0,30}?(?:exam|midterm|final|quiz|lab|assignment|homework)\s*:?)/giu,
  /\b(?:can|could|would|will)\s+(?:you|u)\s+/giu,
  /\b(?:please|pls|plz|just|quick(?:ly)?|asap|urgent(?:ly)?|kindly)\b/giu,
  /\b(?:i need you to|i want you to|for me|for us|for our team|so (?:i|we) can [\w\s]{0,30})\b/giu,
  new RegExp(
    `\\b(?:write|do|complete|finish|solve|answer|code|implement|give|send|show|tell|make|produce|generate|draft|provide|leak|prepare|build)\\s+(?:me\\s+|us\\s+)?(?:this\\s+|it\\s+|these\\s+|the\\s+|my\\s+|our\\s+|a\\s+|an\\s+|all\\s+)?(?:full\\s+|complete\\s+|whole\\s+|entire\\s+|final\\s+)?(?:(?:${GRADED})\\s*\\d*\\s*)?(?:answers?|solutions?|answer key|code|report|essay|paper|submission|write-?up|notebook|questions?)?\\s*(?:(?:on|about|for|to|of|in)\\b)?`,
    "giu",
  ),
  new RegExp(`\\b(?:my|our|the)\\s+(?:${GRADED})\\s*\\d*\\b`, "giu"),
];

/**
 * The subject of a request for graded work ("Write my lab report on data drift detection" →
 * "data drift detection"), for retrieving the material the hint is built from. Falls back to
 * the message when too little is left.
 */
export function integrityTopic(message: string): string {
  let topic = message;
  for (const pattern of TOPIC_NOISE) topic = topic.replace(pattern, " ");
  topic = topic
    .replace(/(?:\s*[,.;:?!])+/g, (run) => run.trim().slice(-1))
    .replace(/^[\s,.;:!?-]+|[\s,;:-]+$/g, "")
    .replace(/\s{2,}/g, " ")
    .trim();
  return contentTerms(topic).length >= 2 ? topic : message;
}
