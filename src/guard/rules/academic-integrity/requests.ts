import { re } from "../../regex.ts";
import { DO_MY_WORK_ABROAD, KANNST_DU } from "./languages.ts";
import { BEATS_CHECKER, CHECKER_MISSES, LOOKS_HUMAN, NOBODY_NOTICES, PASSES_AS_OWN } from "./passing-off.ts";
import type { IntegrityFamily } from "./types.ts";
import {
  DELIVERABLE,
  FILLER,
  FOR_ME,
  GRADED,
  MANNER,
  NOT_THIRD_PERSON,
  QUESTION_VERB,
  REQUEST,
  SAT_ASSESSMENT,
  STRONG_VERB,
  WEAK_VERB,
} from "./vocabulary.ts";

/**
 * Requests for graded work or its answers, in the order they are tried: the first that matches
 * names the family.
 */
export const REQUEST_PATTERNS: { family: IntegrityFamily; pattern: RegExp }[] = [
  {
    family: "do_my_work",
    // Graded work written to a rubric's top mark: "write the report so it scores full marks".
    pattern: re("iu")`
      \b(?:${STRONG_VERB}|${WEAK_VERB})\s+${FILLER}${DELIVERABLE}\b.{0,40}\bso\s+(?:that\s+)?(?:it|i|we)\s+
      (?:scores?|gets?|earns?|receives?|will (?:score|get|earn))\s+(?:full|top|maximum|max|perfect)\s+
      (?:marks|points|score|grade)\b
    `,
  },
  {
    family: "answer_key",
    pattern: re("iu")`
      \b(?:give|send|show|tell|share|provide|leak|post|get|need|want|have|find|what are|what're|list|dm|
      email|upload|where (?:can|do) i (?:get|find)|looking for|anyone have|does anyone have|do you have|
      is there)\b.{0,25}?\b(?:the\s+|all\s+(?:the\s+)?|me\s+(?:the\s+)?|us\s+(?:the\s+)?)?(?:answers?|
      solutions?|answer key|answer sheet|model answers?|sample solutions?|correct answers?|marking scheme|
      grading key|worked solutions?|(?<!(?:practice|sample|example|mock|review|study|similar)\s)questions|
      solution manual|cheat ?sheet answers)\s+(?:to|for|of|from|in|
      on)\s+(?:the\s+|my\s+|our\s+|this\s+|tomorrow'?s\s+|today'?s\s+|next week'?s\s+|upcoming\s+|
      last year'?s\s+|this week'?s\s+|the upcoming\s+|friday'?s\s+|
      thursday'?s\s+)?(?:graded\s+)?(?:week\s*\d+\s+|\d+\s+)?${GRADED}
    `,
  },
  {
    family: "answer_key",
    pattern: re("iu")`
      \b(?:give|send|show|tell|share|provide|leak|post|get|need|want|what are|
      list)\b.{0,30}?\b(?:${GRADED})\s*(?:\d+\s*)?(?:answers|answer|solutions|solution|answer key|
      answer sheet|questions in advance|questions ahead of time|questions before|leak|leaked questions)\b
    `,
  },
  {
    family: "answer_key",
    pattern: re("iu")`
      \b(?:give|send|show|share|provide|leak|post|get|upload|dm|email|sell|forward)\s+(?:me\s+|
      us\s+)?(?:the\s+|all\s+(?:the\s+)?)?(?:actual\s+|real\s+|upcoming\s+|tomorrow'?s\s+|
      next\s+)?(?:${GRADED})\s*(?:\d+\s*)?(?:questions|problems|paper)\b
    `,
  },
  {
    family: "answer_key",
    pattern: re("iu")`
      \b(?:exact|actual|real|specific)\s+(?:questions|problems|tasks)\s+(?:on|in|for|of|from)\s+(?:the\s+|
      tomorrow'?s\s+|next\s+|upcoming\s+|this\s+|our\s+)?(?:${GRADED})\b
    `,
  },
  {
    family: "answer_key",
    pattern: re("iu")`
      \b(?:leaked|stolen)\s+(?:${GRADED})\b|\b(?:${GRADED})\s+(?:leak|leaks|leaked)\b|
      \bwhat\s+(?:exact\s+)?questions\s+(?:are|will be)\s+on\s+(?:the\s+|tomorrow'?s\s+)?(?:midterm|final|
      exam|quiz|test)\b.{0,40}\b(?:exactly|word for word|and (?:their|the) answers)\b
    `,
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
    pattern: re("iu")`
      ${NOT_THIRD_PERSON}\b(?:${STRONG_VERB}|${WEAK_VERB})\s+(?:my|
      our)\s+${FILLER}${DELIVERABLE}\b[^.?!]{0,60}${FOR_ME}
    `,
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
    pattern: re("iu")`
      ${REQUEST}(?:${STRONG_VERB}|${WEAK_VERB})\s+(?:my|
      our)\s+${FILLER}${DELIVERABLE}\b(?!\s+${QUESTION_VERB}\b)
    `,
  },
  {
    family: "do_my_work",
    pattern: re("iu")`
      \b(?:write|do|complete|finish|solve|code)\s+(?:it|this|
      them)\s+${MANNER}for\s+me\b.{0,80}\b${GRADED}\b|\b${GRADED}\s*\d*\b.{0,80}\b(?:write|do|complete|
      finish|solve|code)\s+(?:it|this|them)\s+${MANNER}for\s+me\b
    `,
  },
  {
    family: "do_my_work",
    pattern: re("iu")`
      \b(?:i|we)(?:\s+will|'ll|\s+can|\s+could|\s+would|'d)\s+(?:pay|venmo|tip|give)\s+(?:you|
      u)\b.{0,80}\b(?:${DELIVERABLE}|do it|write it|for it)\b|\b(?:pay|paying)\s+(?:you|someone|
      somebody)\s+to\s+(?:write|do|complete|finish)\b
    `,
  },
  {
    family: "do_my_work",
    pattern: re("iu")`
      ${NOT_THIRD_PERSON}\b(?:give|send|show|write|paste|provide|generate|dump)\s+(?:me|
      us)\s+(?:the\s+)?(?:full|complete|entire|whole|finished|final|working)?\s*(?:code|solution|
      implementation|notebook|report|essay|answer|answers|writeup|write-up)\s+(?:for|to|of)\s+(?:the\s+|
      my\s+|our\s+|this\s+)?${GRADED}
    `,
  },
  {
    family: "do_my_work",
    // Anything the student means to hand in as their own.
    pattern: re("iu")`
      \b(?:write|give|produce|generate|create|draft|make|compose|code|type|provide|send|finish|complete|
      prepare|build)\s+(?:me\s+|us\s+)?(?:[\p{L}\d'-]+\s+){0,4}?(?:answer|answers|solution|solutions|
      response|code|text|version|essay|report|submission|write-?up|paragraph|paragraphs|pages?|words?|
      notebook|script|file|pdf)\b.{0,50}\b(?:so (?:i|we) can|that (?:i|we) can|(?:i|we) can|to|i'?ll|we'?ll|
      i will|we will|i could|ready to)\s+(?:just\s+|directly\s+)?(?:submit|hand (?:it |this )?in|
      turn (?:it |this )?in|copy(?: and paste)?|paste (?:it )?into|upload|put (?:it )?on gradescope|
      post (?:it )?to gradescope)\b
    `,
  },
  {
    family: "do_my_work",
    pattern: re("iu")`
      ${REQUEST}(?:${STRONG_VERB}|${WEAK_VERB})\s+${FILLER}(?:${GRADED}\s*\d*\s*)?(?:submission|submissions|
      deliverables?)\b
    `,
  },
  {
    family: "do_my_work",
    pattern: re("iu")`
      ${NOT_THIRD_PERSON}\b(?:answer|solve|do|complete|finish|work out|write up)\s+(?:the\s+|these\s+|
      this\s+|those\s+|all\s+(?:the\s+)?|my\s+)?(?:questions?|problems?|exercises?|tasks?|parts?|
      q)\s*(?:\d+|[a-z]\))?(?:\s*(?:and|,)\s*\d+)*\s+(?:from|in|of|on|for)\s+(?:the\s+|my\s+|our\s+|this\s+|
      today'?s\s+|tomorrow'?s\s+)?${GRADED}\b
    `,
  },
  {
    family: "do_my_work",
    pattern: re("iu")`
      ${NOT_THIRD_PERSON}\b(?:take|sit|write|do|complete)\s+(?:my|the|
      our)\s+(?:${GRADED})\s*\d*\s+for\s+(?:me|us)\b|\bhelp\s+(?:me|us)\s+cheat\b|\bcheat\s+(?:on|in|
      during)\s+(?:the|my|our|this)\s+(?:${GRADED})\b
    `,
  },
  {
    family: "answer_key",
    // The name of a marking document is the request, whatever verb leads to it ("whats the
    // answer key for …", "got the marking scheme for …"). "When will the answer key for the
    // midterm be released?" asks about policy and has no leading request.
    pattern: re("iu")`
      \b(?:what(?:'s|s| is| are)|where(?:'s|s| is| are)|got|share|send|give|post|dm|leak|drop|
      hook me up with)\s+(?:me\s+|us\s+)?(?:the\s+|an?\s+|your\s+)?(?:answer keys?|answer sheets?|
      marking (?:scheme|guide)|grading key|model answers|solutions? manual|worked solutions|
      sample solutions|official solutions)\s+(?:to|for|of|from|on)\s+(?:the\s+|my\s+|our\s+|this\s+|
      tomorrow'?s\s+|today'?s\s+|next\s+|upcoming\s+)?(?:graded\s+)?(?:week\s*\d+\s+|\d+\s+)?${GRADED}\b
    `,
  },
  {
    family: "answer_key",
    // A bare request: the whole message is "answers for quiz 5 pls".
    pattern: re("iu")`
      (?:^|[.!?]\s+)(?:(?:pls|please|plz|hey|ok|so|yo|need|want|i need|i want)\s+)?(?:the\s+|
      all\s+(?:the\s+)?)?(?:answers|solutions|answer key|answer sheet)\s+(?:to|for|of|from|on)\s+(?:the\s+|
      my\s+|this\s+|today'?s\s+|tomorrow'?s\s+)?(?:graded\s+)?(?:week\s*\d+\s+)?${GRADED}\s*\d*\s*(?:pls|
      please|plz|asap|now|thanks|thx|[!?.])*\s*$
    `,
  },
  {
    family: "answer_key",
    // Asking for the questions of an upcoming assessment: the time anchor ("this year",
    // "tomorrow", "in advance") separates a leak from "what are exam questions usually like?".
    pattern: re("iu")`
      \bwhat\s+(?:are|will(?: be)?|were|r)\s+(?:the\s+)?(?:actual\s+|real\s+|exact\s+)?(?:final\s+|
      midterm\s+)?${GRADED}\s+questions\s+(?:be\s+)?(?:for\s+|on\s+)?(?:this (?:year|term|semester)|
      tomorrow|next week|in advance|ahead of time|before (?:the|it))\b
    `,
  },
  {
    family: "do_my_work",
    // A finished piece of graded work asked for by its completeness ("paste a finished solution
    // to the … assignment").
    pattern: re("iu")`
      (?:${REQUEST}(?:give|send|show|write|paste|provide|generate|dump|post|share)|\b(?:i|we)\s+(?:need|
      want|would like|'d like)|\bneed|\bwant)\s+(?:me\s+|us\s+)?(?:a\s+|an\s+|the\s+)?(?:full|complete|
      entire|whole|finished|final|working|ready-to-submit|submittable)\s+(?:code|solution|implementation|
      notebook|report|essay|answers?|writeup|write-up|version)\s+(?:for|to|of)\s+(?:the\s+|my\s+|our\s+|
      this\s+)?(?:[\p{L}\d-]+\s+){0,3}?${GRADED}\s*\d*\s*(?=$|[,.;:!?)]|\s+(?:so|that|which|and|for|pls|
      please|plz|now|asap|today|tonight|tomorrow|by|before|due|i|we|just)\b)
    `,
  },
  {
    family: "do_my_work",
    // A question the student calls graded, handed to the tutor to answer.
    pattern: re("iu")`
      ${NOT_THIRD_PERSON}\b(?:answer|solve|do|complete|finish|write|work out)\s+(?:this|these|the|my|
      our)\s+(?:graded|assessed|marked|for-credit)\s+(?:${GRADED}\s+)?(?:questions?|problems?|exercises?|
      tasks?)\b
    `,
  },
  {
    family: "do_my_work",
    // The work named vaguely ("the whole thing", "everything") but aimed at a graded deliverable:
    // "can you just write the whole thing for my assignment".
    pattern: re("iu")`
      ${REQUEST}(?:${STRONG_VERB}|${WEAK_VERB})\s+(?:it|this|that|everything|all of it|the (?:whole|
      entire) (?:thing|lot)|the rest|the (?:whole|entire|full) (?:code|text|answer|solution|report|
      essay))\s+(?:for|of|in|on)\s+(?:my|our)\s+(?:\w+\s+)?${GRADED}\b
    `,
  },
  {
    family: "do_my_work",
    // Disguising copied or generated work so it passes as the student's own: the intent that
    // makes any rewrite request a request for graded work.
    pattern: re("iu")`${PASSES_AS_OWN}|${BEATS_CHECKER}|${NOBODY_NOTICES}|${LOOKS_HUMAN}|${CHECKER_MISSES}`,
  },
  {
    family: "do_my_work",
    // Spanish, French, German, Italian and Portuguese: a "do / write / solve" verb with "my"
    // graded work or "in my place / for me"; German asking "kannst du" puts the verb
    // last ("kannst du meine Hausaufgabe … lösen"); "wie kann ich meine Hausaufgabe lösen" asks
    // for help. Accents are folded away before matching.
    pattern: re("iu")`
      ${DO_MY_WORK_ABROAD}|${KANNST_DU}|\b(?:hazme|resuelveme|escribeme)\s+(?:la|el|los|las)\s+(?:tarea|
      tareas|deberes|trabajo|laboratorio|proyecto|examen|practica|ensayo|informe)\b
    `,
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
    pattern: re("iu")`
      \b(?:mi|mis|mon|ma|mes|meine|meinen|mein|il mio|la mia|meu|minha)\s+(?:\p{L}+\s+)?(?:tarea|tareas|
      deberes|trabajo|laboratorio|proyecto|examen|practica|ensayo|informe|devoir|devoirs|projet|rapport|
      dissertation|hausaufgabe|hausaufgaben|aufgabe|projekt|bericht|compito|progetto|relazione|tarefa|
      trabalho|projeto|relatorio)\b.{0,80}\b(?:(?:yo )?(?:solo |nada mas )?(?:lo|la|los|las) entrego|
      para entregar(?:lo|la)?|je (?:le|la|les) rend(?:s|rai)|pour (?:le|la|les) rendre|(?:es|sie|
      ihn) (?:nur )?abgeben|zum abgeben|(?:lo|la) consegno|per consegnarl[oa]|eu (?:o|a) entrego)\b
    `,
  },
  {
    family: "do_my_work",
    // Declared intent to pass the tutor's work off as the student's own.
    pattern: re("iu")`
      \b(?:submit|hand in|turn in|pass off|present|upload)\s+(?:it|this|that|them|the (?:code|answer|report|
      essay|work))\s+as\s+(?:my|our)\s+own\b|\bas\s+(?:mine|ours)\b.{0,20}$|\b(?:submit|hand in|turn in|
      pass off|present)\s+(?:it|this|that|them)\s+as\s+(?:mine|ours)\b
    `,
  },
  {
    family: "answer_key",
    // The real questions of a sat assessment, asked for outright in a message about it ("What
    // will be on the midterm? Give me the real questions and their answers"). "Give me some
    // practice questions like the midterm's" asks for practice.
    pattern: re("iu")`
      ^(?=[\s\S]*\b${SAT_ASSESSMENT}\b(?!\s+(?:round|interview|stage)))[\s\S]*\b(?:give|send|show|tell|
      share|list|leak|post|dm|write out|type out)\s+(?:me|us)\s+(?:the\s+|all\s+(?:the\s+)?)?(?:real|actual|
      exact|official|upcoming|genuine)\s+(?:${SAT_ASSESSMENT}\s+)?(?:questions|problems|prompts|
      tasks)\b(?!\s+(?:that\s+)?(?:people|companies|interviewers|employers|asked|used|from (?:interviews|
      industry)|in (?:interviews|industry|practice|the real world)))
    `,
  },
  {
    family: "do_my_work",
    // Passing off work as one's own share: "… so it looks like I did my share", "so the TA
    // thinks I wrote it".
    pattern: re("iu")`
      \b(?:so|and)\s+(?:that\s+)?(?:it|this|they|everyone|the (?:staff|ta|tas|graders?|team|professor|prof|
      instructor))\s+(?:looks?|seems?|appears?|reads?|thinks?|believes?|assumes?)\s+(?:like|as if|as though|
      that)?\s*(?:i|we)\s+(?:did|wrote|made|coded|built|contributed|worked on|did (?:my|our) (?:share|
      part))\b
    `,
  },
];
