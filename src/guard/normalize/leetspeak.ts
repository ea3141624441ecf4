const LEET_COMMON: Record<string, string> = {
  "0": "o",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "8": "b",
  "9": "g",
  "@": "a",
  $: "s",
  "€": "e",
  "!": "i",
  "+": "t",
};

/**
 * Undoes leetspeak inside words that mix letters with digits or symbols ("1gn0r3"), leaving
 * plain numbers alone ("week 3"). "1" and "|" read as "i" or "l", so both readings are returned.
 */
export function unleet(text: string): string[] {
  const readings = ["i", "l"].map((one) =>
    text.replace(/[\p{L}\p{N}@$€!|+]+/gu, (token) => {
      if (!/\p{L}/u.test(token) || !/[0-9@$€!|+]/.test(token)) return token;
      // Trailing "!" or "+" is punctuation, not a letter.
      const core = token.replace(/[!+]+$/, "");
      const tail = token.slice(core.length);
      let word = "";
      for (const char of core) word += char === "1" || char === "|" ? one : (LEET_COMMON[char] ?? char);
      return word + tail;
    }),
  );
  return readings[0] === readings[1] ? [readings[0]!] : readings;
}
