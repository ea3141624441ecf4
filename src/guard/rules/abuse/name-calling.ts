import { re } from "../../regex.ts";
import type { AbusePattern } from "./types.ts";
import {
  INSULT_NOUN,
  INSULT_PLURAL,
  INTENSIFIER,
  NAMED_TARGET,
  PEOPLE_PLURAL,
  PERSON_NOUN,
} from "./vocabulary.ts";

/**
 * Name-calling by insult nouns (of a group, in an exclamation, of one person whatever the
 * adjectives), messages written to shame someone, and doxxing.
 */
export const NAME_CALLING_AND_EXPOSURE_PATTERNS: AbusePattern[] = [
  {
    family: "insult",
    // Staff or classmates insulted as a group: "the TAs are braindead monkeys", "this class is
    // run by clowns". Complaints about work ("the TAs are slow to reply") name no insult.
    pattern: re("iu")`
      \b(?:the|these|those|our|all (?:the|of the|my|our)|my|all|this course'?s|
      this class'?s)\s+${PEOPLE_PLURAL}\s+(?:here\s+)?(?:are|r|were)\s+(?:all\s+|just\s+|literally\s+|
      such\s+|a bunch of\s+|a pack of\s+|nothing but\s+)*(?:\p{L}+\s+)?${INSULT_PLURAL}\b|\b(?:run|taught|
      graded|marked|managed|led|staffed|designed)\s+by\s+(?:a (?:bunch|pack|group|
      team) of\s+)?(?:\p{L}+\s+)?(?:clowns|idiots|morons|monkeys|imbeciles|incompetents|losers|retards|
      cretins|apes)\b
    `,
  },
  {
    family: "insult",
    // An exclamation aimed at the tutor or a person: "what a f***ing moron this tutor is".
    pattern: re("iu")`
      \bwhat\s+(?:a|an)\s+${INTENSIFIER}(?:\p{L}+\s+)?(?:${INSULT_NOUN}|useless|worthless|pathetic|stupid|
      dumb|garbage|trash)\s+(?:(?:you|u)\s+(?:are|r)|(?:this|that|the|my|our)\s+(?:\p{L}+\s+)?(?:bot|tutor|
      ai|assistant|chatbot|thing|ta|prof|professor|instructor|grader|teammate|classmate|lab partner|
      lecturer)\s+(?:is|was))\b
    `,
  },
  {
    family: "insult",
    // A named or described person called an insult noun, whatever adjectives come before it:
    // "my teammate is a lazy retard". Only hard insult nouns, so "my teammate is a real
    // beginner" passes.
    pattern: re("iu")`
      \b(?:${NAMED_TARGET}|(?:he|she|they)|(?:you|u))\s+(?:is|'s|was|are|'re|r)\s+(?:such\s+)?(?:a|
      an)\s+(?:\p{L}+\s+){0,3}?${INSULT_NOUN}\b
    `,
  },
  {
    family: "harassment",
    // Calling someone names for others to read: "write a Slack message calling my teammate a
    // parasite and a loser".
    pattern: re("iu")`
      \bcall(?:s|ed|ing)?\s+(?:${NAMED_TARGET}|him|her|them|(?:my|our|that|this|
      the)\s+(?:\p{L}+\s+)?${PERSON_NOUN})\s+(?:a|an)\s+(?:\p{L}+\s+){0,2}?${INSULT_NOUN}\b
    `,
  },
  {
    family: "harassment",
    // Something to write or post whose purpose is to humiliate a person: "write a mean message
    // I can post in #general humiliating my lab partner". Mocking is left out: tests mock
    // "the student service". Negated ("without shaming him") asks for the opposite.
    pattern: re("iu")`
      \b(?:write|compose|draft|post|send|make|create|generate|come up with)\b.{0,80}(?<!\b(?:without|not|no|
      stop|avoid|avoids|avoiding|never|don'?t|isn'?t|than)\s+)\b(?:humiliat(?:e|es|ing)|ridicul(?:e|es|ing)|
      belittl(?:e|es|ing)|sham(?:e|es|ing)|bully(?:ing)?|harass(?:es|ing)?|demean(?:s|ing)?|
      trash[- ]talk(?:s|ing)?|insult(?:s|ing)?)\s+(?:${NAMED_TARGET}|him|her|them|(?:my|our|that|this|the|
      a)\s+(?:\p{L}+\s+){0,2}?${PERSON_NOUN})\b
    `,
  },
  {
    family: "doxxing",
    // Doxxing anyone, named or described: "let's dox the student who reported me".
    pattern: re("iu")`
      \bdox(?:x)?(?:es|ed|ing)?\s+(?:${NAMED_TARGET}|him|her|them|(?:my|our|that|this|the|a|
      some)\s+(?:\p{L}+\s+){0,2}?${PERSON_NOUN})\b
    `,
  },
];
