import { allForms, textViews } from "../normalize/index.ts";
import { re } from "../regex.ts";
import type { GuardRule, GuardVerdict } from "../types.ts";

/**
 * A student who says they may hurt themselves needs people, not course notes. Only first-person
 * statements count: "kill the process", "this lab is killing me" and questions about the course's
 * responsible-AI material are not distress.
 */
const DISTRESS: readonly RegExp[] = [
  re("iu")`
    \b(?:i|i'm|im|i am)\s+(?:really\s+|so\s+|feeling\s+|kind of\s+|kinda\s+)?(?:suicidal|thinking (?:about|
    of) (?:suicide|killing myself|ending (?:it|my life)))\b
  `,
  re("iu")`
    \b(?:i|i'll|i will|i'm going to|im going to|i'm gonna|im gonna|i want to|i wanna|i need to|i might|
    i'm about to|i plan to)\s+(?:just\s+)?(?:kill|hurt|harm|cut|end)\s+(?:myself|my life|it all)\b
  `,
  /\b(?:i\s+)?(?:don'?t|do not|no longer)\s+want to (?:live|be alive|exist|wake up)(?:\s+anymore)?\b/iu,
  re("iu")`
    \b(?:i|i'm|im|i am)\s+(?:going to|gonna|want to|wanna)\s+(?:die|commit suicide)\b(?!\s+(?:laughing|
    of (?:laughter|boredom|embarrassment)))
  `,
  /\bi(?:\s+have been|['’]?ve been|\s+keep|\s+started)\s+(?:self[- ]harming|cutting myself|hurting myself)\b/iu,
  re("iu")`
    \b(?:no reason|nothing) (?:left )?to live for\b|\bbetter off (?:dead|without me)\b|
    \bi can'?t go on (?:anymore|living)\b
  `,
];

export const SUPPORT_REPLY =
  "I'm really sorry you're feeling this way. I'm only a course tutor, but you don't have to handle this alone. " +
  "Please talk to someone you trust, or contact your campus counselling service. If you might act on these thoughts " +
  "or are in danger, call your local emergency number now; in the US you can call or text 988 to reach the Suicide " +
  "& Crisis Lifeline, and elsewhere findahelpline.com lists free, confidential lines. Your instructor can also help " +
  "with extensions when things are hard — the course work can wait.";

export interface WellbeingOptions {
  /** Replaces the supportive reply (a course can name its own counselling service). */
  refusal?: string;
}

export function expressesDistress(text: string, views = textViews(text)): boolean {
  return allForms(views).some((form) => DISTRESS.some((pattern) => pattern.test(form)));
}

export function wellbeingRule(options: WellbeingOptions = {}): GuardRule {
  return {
    id: "input.wellbeing",
    stage: "input",
    check(text, context): GuardVerdict {
      if (!expressesDistress(text, context.views ?? textViews(text)))
        return { rule: "input.wellbeing", action: "allow" };
      const reply = options.refusal ?? SUPPORT_REPLY;
      return { rule: "input.wellbeing", action: "refuse", reason: reply, reply };
    },
  };
}
