import { createHmac, timingSafeEqual } from "node:crypto";

/** Slack's request-signing scheme, version 0: HMAC-SHA256 over `v0:{timestamp}:{raw body}`. */
export const SIGNATURE_VERSION = "v0";

/** Requests signed longer ago (or further ahead) than this are refused as stale. */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

export type SignatureProblem = "missing" | "stale" | "forged";

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; problem: SignatureProblem };

export function computeSignature(secret: string, timestamp: string, rawBody: string): string {
  const mac = createHmac("sha256", secret).update(`${SIGNATURE_VERSION}:${timestamp}:${rawBody}`, "utf8");
  return `${SIGNATURE_VERSION}=${mac.digest("hex")}`;
}

/**
 * Checks `X-Slack-Signature` against the raw body before anything reads it. The timestamp is
 * checked first so a captured request cannot be replayed once the window has passed; the
 * comparison is constant-time so the signature cannot be guessed byte by byte.
 */
export function verifySignature(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
  nowSeconds: number;
  maxAgeSeconds?: number;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return { ok: false, problem: "missing" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, problem: "forged" };
  const sent = Number(timestamp);
  if (Math.abs(input.nowSeconds - sent) > (input.maxAgeSeconds ?? MAX_SIGNATURE_AGE_SECONDS)) {
    return { ok: false, problem: "stale" };
  }
  const expected = Buffer.from(computeSignature(input.secret, timestamp, input.rawBody), "utf8");
  const given = Buffer.from(signature, "utf8");
  // The expected length is public (v0= plus 64 hex digits), so checking it first leaks nothing.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, problem: "forged" };
  }
  return { ok: true, timestamp: sent };
}
