import { re, reSource } from "../../regex.ts";
import type { IntegrityFamily } from "./types.ts";
import { GRADED, SAT_ASSESSMENT } from "./vocabulary.ts";

/**
 * Misconduct beyond "write it for me": fabricated data and results, getting past plagiarism and
 * AI checkers, help during an exam or quiz that is being sat, someone else sitting it, leaked
 * papers, copying others' answers, and gaming the autograder.
 */

// What a report says was measured or found.
const EVIDENCE = reSource`
  (?:data|dataset|datasets|data ?set|results?|numbers|figures|metrics|measurements|accuracy(?: numbers| scores?)?|
  confusion matri(?:x|ces)|f1(?: scores?)?|loss curves?|curves?|values|quotes|interview quotes|transcripts|
  scores|statistics|stats|table|results table|plots?|graphs?|charts?|logs|training logs|survey (?:data|
  responses|results)|responses|interviews?|participants|experiments?|observations|citations|references|
  sources|quotes|bibliography|p-?values?|benchmarks?)
`;
const FABRICATE = reSource`(?:fabricate|falsify|fudge|doctor|cook up|manufacture|fake|forge)`;
// Where a request starts: the message or a clause, or a request aimed at the tutor.
const ASKED = reSource`
  (?:^|[.!?,;:]\s*|\b(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|just\s+|maybe\s+)?|\bplease\s+|
  \bpls\s+|\bjust\s+|\bhelp\s+(?:me\s+)?|\b(?:i|we)\s+(?:need|want)\s+(?:you\s+)?to\s+|\bthen\s+|
  \band\s+|\bso\s+)
`;
const INVENT = reSource`(?:make up|making up|made up|invent|inventing|invented|fill in|fill out|generate|create|
  write|come up with|just put|put in|produce|give me)`;
// Signs that invented evidence is to pass as real: realism, a deliverable, or work not done.
const PASSES_AS_REAL = reSource`
  (?:(?:look|sound|seem|appear|read)s? (?:real|realistic|legit|genuine|believable|plausible|authentic|
  natural|nice|good)|realistic|plausible|believable|convincing|authentic|consistent|nicely|so (?:it|they)
  (?:look|seem|pass)|(?:i|we) never (?:trained|ran|did|collected|measured|tested)|didn'?t actually (?:run|do|
  collect|train|measure)|(?:it'?s|it is) (?:fine|ok|okay) if (?:they'?re|they are|it'?s|it is) (?:made up|fake|
  invented)|(?:say|claim|pretend) (?:they|it|these) (?:came|come) from|i didn'?t (?:have time to |get to )?(?:run|do|
  collect|finish|measure|test)|i never (?:ran|did|collected)|(?:i|we) can (?:say|claim|pretend) (?:i|we)|
  (?:say|claim|pretend) (?:i|we) (?:collected|ran|measured|did)|for (?:my|our|the) (?:\w+\s+){0,2}?(?:report|
  paper|project|lab|thesis|assignment|capstone|experiment section|results section|write-?up|submission|
  audit|presentation)|(?:don'?t|doesn'?t|do not|does not|need not|needn'?t) (?:have to |need to )?(?:be real|
  exist))
`;

/**
 * The same in scripts the folded forms do not keep: Chinese, Japanese and Russian requests to do
 * graded work or to invent data. Matched on the cleaned, lower-cased text.
 */
export const MISCONDUCT_ABROAD: { family: IntegrityFamily; pattern: RegExp }[] = [
  {
    family: "fabrication",
    pattern:
      /编造|伪造|捏造|造假|(?:データ|結果)を?(?:捏造|でっち上げ|偽造)|(?:выдумай|придумай|сфабрикуй|подделай)\s+.{0,20}(?:данн|результат)/u,
  },
  {
    family: "do_my_work",
    pattern: re(
      "u",
    )`(?:帮我|幫我|替我|给我|給我)(?:做|写|寫|完成)(?:一下)?.{0,6}(?:作业|作業|考试|考試|期末|期中|报告|報告|论文|論文|项目|項目|题|題)|代写|
        代寫|(?:宿題|課題|レポート|試験)を?(?:代わりに|かわりに)(?:やって|書いて|解いて)|(?:сделай|напиши|реши)\s+(?:за меня|
        мне)\s+.{0,30}(?:домашн|лабораторн|экзамен|курсов|реферат|отч[её]т)`,
  },
];

// Reworking someone's text until it no longer looks like theirs, …
const REWORD = reSource`
  (?:reword|rephrase|paraphrase|rewrite|spin|reformulate|change|edit|tweak|humani[sz]e|disguise|obfuscate|
  alter|modify|translate)
`;
const CHECKER = reSource`
  (?:plagiarism|turnitin|gptzero|moss|jplag|codequiry|similarity|originality|ai[- ]?detect\w*|detector|
  checker|copy ?leaks|zerogpt|gradescope'?s? (?:ai|similarity))
`;
// … or someone's code, by the verbs that reshape code ("restructure it enough that the code
// similarity check won't match it"). These verbs also order search results "so the highest
// similarity comes first", so the checker must be named as one.
const RESHAPE_CODE = reSource`
  (?:restructure|refactor|reorgani[sz]e|rearrange|reorder|shuffle|rename|rework|camouflage|scramble|
  mix\s+up|change\s+up)
`;
const NAMED_CHECKER = reSource`
  (?:plagiarism|turnitin|moss|jplag|codequiry|copy ?leaks|(?:code\s+)?similarity\s+(?:check\w*|detect\w*|
  tool|software|report|scan\w*))
`;

export const MISCONDUCT_PATTERNS: { family: IntegrityFamily; pattern: RegExp }[] = [
  {
    family: "fabrication",
    // "fabricate citations", "fake the training logs", "fudge my accuracy": asked for, not asked about
    // ("what's the difference between fabricating data and imputing it?").
    pattern: re("iu")`${ASKED}${FABRICATE}\s+(?:\p{L}+\s+){0,3}?${EVIDENCE}\b`,
  },
  {
    family: "fabrication",
    // "make up a dataset and a results table for my project 2 report", "invent plausible accuracy
    // numbers, I didn't run it", "fill in the results … make the numbers consistent".
    pattern: re("iu")`
      \b${INVENT}\s+(?:me\s+|us\s+)?(?:[\p{L}\d]+\s+){0,4}?${EVIDENCE}\b[^?]{0,80}?${PASSES_AS_REAL}|
      \b${PASSES_AS_REAL}\b[^?]{0,60}?\b${INVENT}\s+(?:me\s+|us\s+)?(?:[\p{L}\d]+\s+){0,3}?${EVIDENCE}\b|
      \b(?:make|making)\s+(?:the|my|our)\s+(?:numbers|results|data|figures|metrics)\s+(?:look\s+)?(?:better|
      consistent|realistic|believable|plausible|match)\b|\b(?:change|tweak|adjust|edit|alter|massage|
      improve)\s+(?:the\s+)?(?:numbers|results|metrics|accuracy)\s+(?:in|of)\s+(?:my|our)\b.{0,40}\b(?:look|
      seem|appear)\s+better\b
    `,
  },
  {
    family: "evasion",
    // Rewording to get past a checker: "reword this so turnitin won't flag it", "spin this essay so
    // the plagiarism checker doesn't catch it", "make my text sound human for the AI detector".
    pattern: re("iu")`
      \b${REWORD}\b.{0,80}\b(?:so|that|to|and|enough)\b.{0,30}\b${CHECKER}\b|\b${RESHAPE_CODE}\b.{0,80}\b(?:so|
      that|to|and|enough)\b.{0,30}\b${NAMED_CHECKER}\b|\b(?:get around|get past|beat|
      bypass|evade|fool|trick|avoid|dodge|pass)\s+(?:the\s+)?(?:ai[- ]?detect\w*|ai[- ]checker|detector|
      plagiarism check\w*|similarity check\w*)\b|\b(?:plagiarism|turnitin|similarity|ai[- ]?detect\w*|moss|
      jplag)\b.{0,40}\b(?:won'?t|doesn'?t|don'?t|can'?t|wouldn'?t|not)\s+(?:(?:flag|catch|detect|notice|
      pick)\b|(?:match|link|connect|tie|pair)\s+(?:it|this|them|ours|mine|(?:my|our)\s+\p{L}+)\s+(?:to|with|
      against)\b)|\bso (?:it|this) doesn'?t look (?:copied|plagiari[sz]ed|ai[- ]generated)\b|
      \b(?:rewrite|reword|paraphrase|change)\s+(?:his|her|their|my (?:friend|teammate|classmate|roommate|
      partner)'?s?)\s+(?:\p{L}+\s+)?(?:code|work|report|essay|answers?|write-?up|lab)\b.{0,60}\b(?:look|
      seem|appear|sound)s?\s+like\s+(?:mine|i (?:wrote|did) it|my own)\b|\b(?:so|that)\s+(?:the\s+)?
      (?:grader|marker|ta|teacher|professor|prof|instructor|checker|detector|software|staff)\s+(?:doesn'?t|
      won'?t|can'?t|wouldn'?t|does not|will not|cannot)\s+(?:recogni[sz]e|notice|spot|detect|catch|flag|
      realise|realize|see|know|tell)\b|\b(?:won'?t|doesn'?t|wouldn'?t|will not|does not)\s+match\s+(?:the\s+)?
      (?:source|original|website|blog|paper)\b|\bdetector\s+(?:scores|rates|marks|classifies|labels|flags)\s+
      (?:it|this|them)\s+as\s+human\b|\bno\s+parezca\s+(?:plagio|copiado|copia)\b|\bne\s+(?:ressemble|
      semble)\s+pas\s+(?:a\s+)?(?:du\s+)?(?:plagiat|copie)\b
    `,
  },
  {
    family: "exam_help",
    // Help while the assessment is being sat: "I'm in the exam right now, what's the answer to Q3",
    // "I'm taking the quiz in another tab, answer as I paste". Being in it is not enough: a question
    // about the assessment itself ("is the in-class poll graded?") is logistics.
    pattern: re("iu")`
      \b(?:i'?m|i am|im|we'?re|we are)\s+(?:currently\s+|literally\s+|still\s+)?(?:in|taking|doing|sitting|
      writing|on|in the middle of)\s+(?:the|my|an?|this|our)\s+(?:online\s+)?(?:${SAT_ASSESSMENT}|take-?home(?:
      exam)?)\b.{0,40}\b(?:right now|now|currently|at the moment|in another (?:tab|window)|as we speak|
      live)\b.{0,80}\b(?:answers?|solve|solution|what(?:'s|s| is| are)|tell me|help|questions?|q\d+|how (?:do|to)|
      explain|paste|check|correct|which (?:one|option))|\b(?:${SAT_ASSESSMENT})\s+(?:is|closes|ends)\s+
      (?:still\s+)?(?:open|live|running|on|going)?\s*
      (?:for|in)\s+(?:\d+|a few|another)\s+(?:more\s+)?(?:minutes?|mins?|hours?)\b|\b(?:during|
      in the middle of)\s+(?:the|my|this|tomorrow'?s|today'?s)\s+(?:online\s+|live\s+|proctored\s+|remote\s+)?
      (?:${SAT_ASSESSMENT})\b.{0,60}\b(?:answer|solve|tell me|help me)\b|
      \banswer\s+(?:each|every|the)\s+(?:question|one)\s+as\s+i\s+(?:paste|send|
      type|copy)\b
    `,
  },
  {
    family: "exam_help",
    // Someone else sitting it: "take my online quiz for me", "log in as me and do the exam".
    pattern: re("iu")`
      \b(?:take|sit|do|complete|write|finish)\s+(?:my|the|this)\s+(?:[\p{L}-]+\s+){0,3}?(?:${SAT_ASSESSMENT}|
      take-?home(?: exam)?|class|course)\b.{0,40}\b(?:for me|instead of me|in my place|as me|my login|
      my password|my account|credentials)\b|\b(?:log ?in|sign in)\s+(?:as me|with my (?:login|account|password|
      credentials))\b
    `,
  },
  {
    family: "answer_key",
    // Take-home exams are graded work: "do question 2 of the take home midterm for me".
    pattern: re("iu")`
      \b(?:do|solve|answer|write|complete|finish|work out)\s+(?:me\s+)?(?:question|problem|part|task|q|
      exercise|number|no\.?)\s*(?:\d+|[a-z]\b|one|two|three|four|five)\b.{0,30}\btake[- ]?home\b|
      \btake[- ]?home\s+(?:${SAT_ASSESSMENT}|exam|test|assignment)\b.{0,60}\b(?:for me|the answer|
      final answer|solve|do (?:it|this|question|problem)|i can (?:submit|hand in|copy))\b
    `,
  },
  {
    family: "answer_key",
    // Leaked or photographed papers, and checking answers against them.
    pattern: re("iu")`
      \b(?:leaked|stolen|photographed|snapped|screenshotted|got (?:a copy of|hold of|access to))\b.{0,60}\b
      (?:${SAT_ASSESSMENT}|questions|answers|paper)\b|\b(?:${SAT_ASSESSMENT}|questions|paper)\s+(?:that\s+)?
      (?:a friend|someone|somebody|my friend|a classmate)\s+(?:photographed|leaked|stole|sent|shared|snapped|
      screenshotted)\b|\b(?:someone|somebody|a friend)\s+leaked\s+(?:the\s+)?(?:${SAT_ASSESSMENT}|${GRADED})\b|
      \balready\s+(?:did|took|sat|wrote|had|finished)\s+(?:the\s+)?(?:${SAT_ASSESSMENT})\b.{0,80}\b(?:questions|
      answers|options|paper)\b|\b(?:sent|gave|shared|forwarded|showed)\s+me\s+(?:the\s+)?(?:questions|
      answers|paper)\b.{0,60}\b(?:which|what)\s+(?:of\s+(?:these|the)\s+)?(?:options?|answers?|choices?|
      one)\b
    `,
  },
  {
    family: "answer_key",
    // Copying other students' answers: "what answers did people give … I want to copy the best".
    pattern: re("iu")`
      \b(?:i want to|i wanna|so i can|let me|i'?ll|i will|i could|to)\s+(?:just\s+)?copy\s+(?:the\s+|their\s+|
      his\s+|her\s+|someone'?s\s+|a\s+)?(?:best\s+)?(?:one|answers?|solutions?|code|work|reports?|essays?|
      homework)\b|\bwhat\s+(?:answers|solutions)\s+did\s+(?:people|others|other students|everyone|students|
      my classmates)\s+(?:give|write|submit|put)\b
    `,
  },
  {
    family: "do_my_work",
    // Gaming the autograder, or code that only has to get past it.
    pattern: re("iu")`
      \b(?:trick|fool|game|bypass|hack|cheat|beat|spoof|fake out)\s+(?:the\s+)?(?:autograder|auto-grader|
      grader|gradescope|hidden tests|test cases)\b|\b(?:give|write|send|generate)\s+(?:me\s+)?(?:the\s+)?
      (?:code|solution|answers?)\s+(?:that|which)\s+(?:will\s+)?pass(?:es)?\s+(?:all\s+)?(?:the\s+)?(?:lab\s*
      \d*\s+)?(?:autograder|auto-grader|grader|hidden tests|test cases|gradescope)\b|\b(?:get|make|have)\s+
      (?:the\s+)?(?:lab\s*\d*\s+)?(?:autograder|auto-grader|grader|gradescope)\s+(?:to\s+)?(?:show|give|report|
      say|pass|accept|mark)\b|\bwithout\s+(?:actually\s+)?(?:implementing|writing|doing|solving)\b.{0,40}\b
      (?:pass|100|full marks|autograder)\b
    `,
  },
  {
    family: "do_my_work",
    // The tutor as the student: "pretend you're me and write my reflection", work handed in "as my
    // contribution", graded work wanted "done by midnight".
    pattern: re("iu")`
      \b(?:pretend|act|imagine)\s+(?:you'?re|you are|to be|as|like)\s+me\b.{0,40}\b(?:write|do|answer|
      complete|finish|submit)\b|\bas\s+(?:my|our)\s+(?:own\s+)?(?:contribution|work|part|share|
      submission)\b|\b(?:need|want)\s+(?:the|my)\s+(?:graded\s+)?(?:${GRADED})\s*\d*\s+(?:done|finished|
      written|completed)\b|\bwrite\s+all\s+of\s+it\b|\b(?:ich\s+)?reiche\s+(?:sie|es|ihn|das|die)\s+(?:\p{L}+\s+)?
      ein\b|\b(?:losungen|antworten)\s+fur\s+(?:das|die|den)\s+(?:\p{L}+\s+)?(?:ubungsblatt|hausaufgabe|
      klausur|prufung|aufgabe)\b.{0,30}\bbenotet\b|\b(?:submit|hand|turn|pass)\s+(?:it|this|that|them)\s+
      (?:in\s+|off\s+)?as\s+(?:my|our)\s+own\b
    `,
  },
];
