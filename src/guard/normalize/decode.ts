import { decodeEntities } from "../../text/entities.ts";
import type { DecodedPayload } from "./types.ts";

const PRINTABLE = /^[\x20-\x7E\t\n\r\u00A0-\uFFFF]*$/;

/** Whether decoded bytes read as text someone wrote, not noise. */
function readsAsText(text: string): boolean {
  if (text.length < 4 || !PRINTABLE.test(text) || text.includes("\uFFFD")) return false;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters / text.length >= 0.6 && /\p{L}{2,}/u.test(text);
}

function decodeBase64(blob: string): string | undefined {
  const standard = blob.replace(/-/g, "+").replace(/_/g, "/");
  if (standard.replace(/=+$/, "").length % 4 === 1) return undefined;
  const decoded = Buffer.from(standard, "base64").toString("utf8");
  return readsAsText(decoded) ? decoded : undefined;
}

function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= "Z" ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

// Words nearly every English sentence (and every attack) contains.
const COMMON_WORDS = new Set(
  [
    "the a an all your you me my and or to of in is are what how why now then this that it any",
    "previous instructions instruction ignore rules prompt system show print reveal tell give answer answers",
    "exam homework disregard forget guidelines",
  ]
    .join(" ")
    .split(" "),
);

function commonWordCount(text: string): number {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => COMMON_WORDS.has(word)).length;
}

/**
 * Reversed text sent without saying so ("snoitcurtsni suoiverp lla erongi"): the reversal reads
 * as English (several common words) while the text as sent reads as almost none.
 */
function readsBetterReversed(text: string): boolean {
  if (text.length < 12) return false;
  const reversed = commonWordCount([...text].reverse().join(""));
  return reversed >= 2 && reversed > 2 * commonWordCount(text);
}

/** Encoded payloads inside the text, decoded. Two levels deep: base64 of base64 is a known trick. */
export function decodePayloads(text: string, depth = 0): { via: DecodedPayload["via"]; text: string }[] {
  const found: { via: DecodedPayload["via"]; text: string }[] = [];
  const add = (via: DecodedPayload["via"], decoded: string | undefined) => {
    if (decoded === undefined || decoded.trim() === "") return;
    found.push({ via, text: decoded });
    if (depth < 1) found.push(...decodePayloads(decoded, depth + 1));
  };

  // Base64 blobs: long runs of the alphabet that mix cases or digits (plain words are skipped).
  const blobs = text.match(/[A-Za-z0-9+/_-]{12,}={0,2}/g) ?? [];
  for (const blob of blobs) {
    if (!/[A-Z]/.test(blob) && !/\d/.test(blob)) continue;
    add("base64", decodeBase64(blob));
  }
  // Base64 broken over lines or spaces.
  const joined = text.match(/(?:[A-Za-z0-9+/]{4,}={0,2}\s+){2,}[A-Za-z0-9+/]{2,}={0,2}/g) ?? [];
  for (const blob of joined) add("base64", decodeBase64(blob.replace(/\s+/g, "")));

  for (const blob of text.match(/(?:\\x|0x)?[0-9a-fA-F]{2}(?:[\s:,]*(?:\\x|0x)?[0-9a-fA-F]{2}){7,}/g) ?? []) {
    const hex = blob.replace(/\\x|0x|[\s:,]/g, "");
    if (hex.length % 2 !== 0) continue;
    const decoded = Buffer.from(hex, "hex").toString("utf8");
    if (readsAsText(decoded)) add("hex", decoded);
  }
  for (const blob of text.match(/(?:[01]{8}\s*){4,}/g) ?? []) {
    const bytes = (blob.match(/[01]{8}/g) ?? []).map((b) => Number.parseInt(b, 2));
    const decoded = Buffer.from(bytes).toString("utf8");
    if (readsAsText(decoded)) add("binary", decoded);
  }
  if (/(?:%[0-9a-fA-F]{2}){4,}/.test(text)) {
    try {
      add("url", decodeURIComponent(text));
    } catch {
      // Malformed escapes: nothing to decode.
    }
  }
  if (/&#x?[0-9a-f]+;/i.test(text)) add("entities", decodeEntities(text));
  if (/\brot[\s-]?13\b|\bcaesar\b/i.test(text)) add("rot13", rot13(text));
  if (
    /\b(?:backwards?|reversed?|mirrored|right[\s-]to[\s-]left)\b/i.test(text) ||
    readsBetterReversed(text)
  ) {
    add("reversed", [...text].reverse().join(""));
  }
  return found;
}
