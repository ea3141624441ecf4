import { contentTerms } from "../../../text/terms.ts";
import { re } from "../../regex.ts";
import { GRADED } from "./vocabulary.ts";

// What a request for graded work wraps around its subject: the asking, the deliverable, the
// deadline and the marks. Dropped so the hint is searched by the concept, not by "submit" or "lab".
const TOPIC_NOISE: RegExp[] = [
  // Handing in, deadlines and payment, from the connective on ("… so I can hand it in").
  re("giu")`
    \b(?:so (?:that )?(?:i|we) can|(?:so |and |then )?(?:i'?ll|we'?ll|i will|we will)|
    to)\s+(?:just\s+)?(?:submit|hand|turn|upload|pay|give you)\b[^.?!,;]*
  `,
  /\b(?:it'?s|it is|this is|which is|they'?re|that'?s)\s+(?:due|for)\b[^.?!,;:]*/giu,
  /\b(?:due|submitted|deadline)\s+(?:tonight|tomorrow|today|in \d+ \w+|on \w+)\b/giu,
  re("giu")`
    \b(?:show (?:all )?your work|for full (?:credit|marks)|just give me the (?:answer|letter|solution)|
    what'?s the correct answer\??)
  `,
  /[([]\s*\d+(?:\.\d+)?\s*(?:points?|pts?\.?|marks?)\s*[)\]]/giu,
  /^\s*(?:q(?:uestion)?\s*\d+(?:\.\d+)?\s*[.):]|problem\s+\d+\s*[.):])/giu,
  /\b(?:this is (?:from|for) (?:my|our|the) [\w\s-]{0,30}?(?:exam|midterm|final|quiz|lab|assignment|homework)\s*:?)/giu,
  /\b(?:can|could|would|will)\s+(?:you|u)\s+/giu,
  /\b(?:please|pls|plz|just|quick(?:ly)?|asap|urgent(?:ly)?|kindly)\b/giu,
  /\b(?:i need you to|i want you to|for me|for us|for our team|so (?:i|we) can [\w\s]{0,30})\b/giu,
  re("giu")`
    \b(?:write|do|complete|finish|solve|answer|code|implement|give|send|show|tell|make|produce|generate|
    draft|provide|leak|prepare|build)\s+(?:me\s+|us\s+)?(?:this\s+|it\s+|these\s+|the\s+|my\s+|our\s+|a\s+|
    an\s+|all\s+)?(?:full\s+|complete\s+|whole\s+|entire\s+|
    final\s+)?(?:(?:${GRADED})\s*\d*\s*)?(?:answers?|solutions?|answer key|code|report|essay|paper|
    submission|write-?up|notebook|questions?)?\s*(?:(?:on|about|for|to|of|in)\b)?
  `,
  new RegExp(`\\b(?:my|our|the)\\s+(?:${GRADED})\\s*\\d*\\b`, "giu"),
];

/**
 * The subject of a request for graded work ("Write my lab report on data drift detection" →
 * "data drift detection"), for retrieving the material the hint is built from. Falls back to
 * the named piece of work ("project 1") or the message when too little is left.
 */
export function integrityTopic(message: string): string {
  let topic = message;
  for (const pattern of TOPIC_NOISE) topic = topic.replace(pattern, " ");
  topic = topic
    .replace(/(?:\s*[,.;:?!])+/g, (run) => run.trim().slice(-1))
    .replace(/^[\s,.;:!?-]+|[\s,;:-]+$/g, "")
    .replace(/\s{2,}/g, " ")
    .trim();
  if (contentTerms(topic).length >= 2) return topic;
  // "write my project 1 report": the subject is the named piece of work, searched as its name
  // ("project 1"), so the hint comes from what that work is about, not from the whole request.
  const named = new RegExp(`\\b(?:${GRADED})\\s*\\d+[a-z]?\\b`, "iu").exec(message);
  return named ? named[0] : message;
}
