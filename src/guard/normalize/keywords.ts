/** The words an override, extraction or jailbreak attempt is built from. */
export const ATTACK_KEYWORDS = [
  "ignore",
  "disregard",
  "previous",
  "instructions",
  "instruction",
  "system",
  "prompt",
  "guidelines",
  "restrictions",
  "override",
  "bypass",
  "jailbreak",
  "unrestricted",
  "uncensored",
];
