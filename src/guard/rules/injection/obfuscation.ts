import { testAnchored } from "../../anchors/index.ts";
import { quotedPassages } from "../../match.ts";
import type { TextViews } from "../../normalize/index.ts";
import { re } from "../../regex.ts";
import type { FamilyPattern, InjectionFinding } from "./types.ts";

/**
 * Attacks hidden on purpose: encoded payloads, letters spelled out one by one, a request to
 * decode something and act on it, and fragments to be glued together into an attack.
 */

// Spelled-out words ("i g n o r e  a l l …") squashed back: any of these is an attack.
const SQUASHED = [
  /ignore\s?(?:all|any|your|the|previous|prior|above)/iu,
  re("iu")`
    (?:ignore|disregard|forget|bypass|override)\s?(?:\w+\s?){0,3}(?:instructions?|rules|prompt|guidelines|
    restrictions)
  `,
  /system\s?prompt|systemprompt|systemmessage/iu,
  re("iu")`
    jail\s?break|developer\s?mode|dan\s?mode|do\s?anything\s?now|no\s?restrictions|no\s?rules|unrestricted|
    uncensored|unfiltered
  `,
  /(?:reveal|print|show|repeat)\s?(?:your|the|all)/iu,
];

// The message asks for something hidden to be decoded and acted on.
const DECODE_AND_ACT = re("iu")`
  \b(?:decode|decrypt|deobfuscate|unscramble|translate|convert|reverse|read|interpret|
  unpack)\b[^.?!]{0,80}\b(?:and|then|,)\s*(?:then\s+)?(?:follow|execute|obey|do|run|carry out|act on|comply|
  perform|answer|respond to|reply to|treat)\b
`;
const ENCODING_WORD = re("iu")`
  \b(?:base\s?64|b64|hex|hexadecimal|binary|rot\s?-?13|caesar|cipher|encoded|encrypted|url-?encoded|morse|
  reversed|backwards)\b
`;
// Fragments the message asks to glue together before acting on them ("a + b", "combine the parts").
const COMBINE = new RegExp(
  [
    String.raw`\b(?:concatenate|combine|join|merge|put together|glue|assemble|splice)\b`,
    String.raw`\b[a-z]\s*\+\s*[a-z]\b`,
    String.raw`\bx\s*\+\s*y\b`,
    // A quoted string plus another: 'a' + "b".
    "['\"`]\\s*\\+\\s*['\"`]",
  ].join("|"),
  "iu",
);

/** An attack found only once the text is decoded, squashed or glued together (any of the patterns). */
export function findObfuscation(
  views: TextViews,
  patterns: readonly FamilyPattern[],
): InjectionFinding | undefined {
  // Anything found only after decoding was hidden on purpose.
  for (const payload of views.decoded) {
    if (payload.via === "unicode-tags") return { family: "obfuscation", via: payload.via };
    for (const form of payload.forms) {
      if (patterns.some(({ pattern }) => testAnchored(pattern, form)))
        return { family: "obfuscation", via: payload.via };
    }
  }
  for (const run of views.squashedRuns) {
    if (SQUASHED.some((pattern) => pattern.test(run))) return { family: "obfuscation", via: "spelled-out" };
  }
  if (DECODE_AND_ACT.test(views.clean) && (views.decoded.length > 0 || ENCODING_WORD.test(views.clean))) {
    return { family: "obfuscation", via: "decode-and-act" };
  }
  // Payload splitting: quoted fragments that only form an attack once glued together.
  const fragments = quotedPassages(views.forms[0] ?? views.clean.toLowerCase());
  if (fragments.length >= 2 && COMBINE.test(views.clean)) {
    const glued = [fragments.join(" "), fragments.join("")];
    if (glued.some((g) => patterns.some(({ pattern }) => testAnchored(pattern, g)))) {
      return { family: "obfuscation", via: "split-payload" };
    }
  }
  return undefined;
}
