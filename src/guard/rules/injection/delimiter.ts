import { re } from "../../regex.ts";
import type { FamilyPattern } from "./types.ts";

/** Delimiter, role-marker and markup tricks: text dressed up as system or chat-template turns. */
export const DELIMITER_PATTERNS: FamilyPattern[] = [
  {
    family: "delimiter",
    nameable: true,
    pattern: re("iu")`
      <\|?\s*(?:im_start|im_end|im_sep|system|endoftext|end_of_text|eot_id|start_header_id|end_header_id|
      begin_of_text|assistant|user|sys)\s*\|?>
    `,
  },
  {
    family: "delimiter",
    nameable: true,
    pattern: /\[\s*\/?\s*(?:inst|sys|system|system prompt|admin|developer)\s*\]|<<\s*\/?\s*sys\s*>>/iu,
  },
  {
    family: "delimiter",
    pattern: re("iu")`
      <\s*\/?\s*(?:system|sys|system_prompt|instructions?|admin|developer|assistant|prompt|rules|policy|
      override|hidden|secret|root|jailbreak|context|user_query|untrusted)\s*>
    `,
  },
  {
    family: "delimiter",
    pattern: re("iu")`
      (?:^|\n)\s*(?:[#>*\-=_\s]*)?(?:system|developer|admin|administrator|root|sys|assistant|operator|
      new system prompt|system prompt|system message|instructions?|ai|chatgpt|gpt|tutor|
      model)\s*(?:\(\w+\))?\s*[:>]\s*\S
    `,
  },
  {
    family: "delimiter",
    pattern:
      /(?:^|\n)\s*#{1,6}\s*(?:system|instructions?|new instructions|admin|developer|override|system prompt|rules)\b/iu,
  },
  { family: "delimiter", pattern: /```\s*(?:system|instructions?|admin|prompt|developer|override|sys)\b/iu },
  {
    family: "delimiter",
    pattern: re("iu")`
      (?:[\]\-=*#>_~]{3,}|\[|\()\s*(?:end|end of|begin|start|close|closing|
      stop)\s+(?:of\s+)?(?:the\s+)?(?:user(?:'s)?\s+)?(?:input|prompt|message|query|question|conversation|
      context|document|instructions?|system(?: prompt)?|data|chat|session|transcript)\b|\b(?:end|
      end of)\s+(?:the\s+)?(?:user(?:'s)?\s+)?(?:input|prompt|message|query|conversation|context|document|
      instructions?|data)\s*(?:[\]\-=*#>_~]{2,}|\.\s*(?:new|now|begin|start|system|you))
    `,
  },
  {
    family: "delimiter",
    pattern: re("iu")`
      [-=*#_~]{3,}\s*(?:begin|start|new|updated)?\s*(?:system|admin|developer|hidden|secret|priority|real|
      true)\s*(?:prompt|message|instructions?|rules|override|mode)?\s*[-=*#_~]{3,}
    `,
  },
  {
    family: "delimiter",
    pattern: /(?:[^\p{L}\p{N}\s]{2,}\s*)(?:system|assistant|developer|admin|root)\s*:/iu,
  },
  {
    family: "delimiter",
    pattern: re("iu")`
      (?:^|\n)\s*(?:human|user|assistant|ai|bot|tutor)\s*:[\s\S]{0,400}?\n\s*(?:human|user|assistant|ai|bot|
      tutor|system)\s*:
    `,
  },
  {
    family: "delimiter",
    pattern: re("iu")`
      \[\[?\s*(?:system|admin|developer|root|sudo)[\s_-]*(?:override|prompt|message|mode|command|
      instruction|update)s?\s*\]\]?|\[\[?\s*(?:system|admin|administrator|developer|root|sudo|
      operator)(?:[\s_-]+(?:prompt|message|instructions?|policy|config(?:uration)?|override|update|notice|
      alert|command|mode|patch|change)){1,3}\s*\]\]?|\b(?:unrestricted|jailbreak|jailbroken|safe_?mode|
      safety|filters?|restrictions|guardrails|censorship|moderation)\s*[=:]\s*(?:true|false|off|on|0|1|none|
      disabled|enabled|null)\b
    `,
  },
  { family: "delimiter", pattern: /\{\s*["']?role["']?\s*:\s*["']?(?:system|developer|admin)\b/iu },
  // The same role field written as YAML or a header line ("role: system").
  {
    family: "delimiter",
    pattern: /(?:^|\n)\s*-?\s*["']?role["']?\s*[:=]\s*["']?(?:system|developer|admin)\b/iu,
  },
  {
    family: "delimiter",
    pattern: re("iu")`
      <!--[\s\S]{0,400}?\b(?:ignore|you are|you must|system|instructions?|reveal|print|disregard|override|
      assistant|prompt)\b[\s\S]{0,400}?-->
    `,
  },
];
