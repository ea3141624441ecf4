import { describe, expect, it } from "vitest";
import { computeSignature, verifySignature } from "../../../src/surfaces/slack/signature.ts";
import { slackSignatureHeaders } from "./signed-request.ts";

// The worked example in Slack's "Verifying requests from Slack" documentation.
const DOC = {
  secret: "8f742231b10e8888abcd99yyyzzz85a5",
  timestamp: "1531420618",
  body: "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
  signature: "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
};

const SECRET = "unit-test-signing-secret";
const NOW = 1_760_000_000;

function check(overrides: Partial<Parameters<typeof verifySignature>[0]> = {}) {
  const body = '{"type":"event_callback"}';
  const headers = slackSignatureHeaders(SECRET, body, NOW);
  return verifySignature({
    secret: SECRET,
    timestamp: headers["x-slack-request-timestamp"],
    signature: headers["x-slack-signature"],
    rawBody: body,
    nowSeconds: NOW,
    ...overrides,
  });
}

describe("Slack request signatures (v0)", () => {
  it("reproduces Slack's documented example", () => {
    expect(computeSignature(DOC.secret, DOC.timestamp, DOC.body)).toBe(DOC.signature);
    const result = verifySignature({
      secret: DOC.secret,
      timestamp: DOC.timestamp,
      signature: DOC.signature,
      rawBody: DOC.body,
      nowSeconds: Number(DOC.timestamp) + 30,
    });
    expect(result).toEqual({ ok: true, timestamp: Number(DOC.timestamp) });
  });

  it("accepts a request signed as Slack signs it", () => {
    expect(check().ok).toBe(true);
  });

  it("rejects a body changed after signing, a wrong secret and a mangled signature as forged", () => {
    expect(check({ rawBody: '{"type":"event_callback","x":1}' })).toEqual({ ok: false, problem: "forged" });
    expect(check({ secret: "someone-elses-secret" })).toEqual({ ok: false, problem: "forged" });
    expect(check({ signature: "v0=deadbeef" })).toEqual({ ok: false, problem: "forged" });
    expect(check({ signature: `v1=${"0".repeat(64)}` })).toEqual({ ok: false, problem: "forged" });
    expect(check({ timestamp: "17e8" })).toEqual({ ok: false, problem: "forged" });
  });

  it("rejects unsigned requests as missing", () => {
    expect(check({ signature: undefined })).toEqual({ ok: false, problem: "missing" });
    expect(check({ timestamp: "" })).toEqual({ ok: false, problem: "missing" });
  });

  it("accepts the five-minute window in both directions and nothing beyond it", () => {
    expect(check({ nowSeconds: NOW + 300 }).ok).toBe(true);
    expect(check({ nowSeconds: NOW - 300 }).ok).toBe(true);
    expect(check({ nowSeconds: NOW + 301 })).toEqual({ ok: false, problem: "stale" });
    expect(check({ nowSeconds: NOW - 301 })).toEqual({ ok: false, problem: "stale" });
  });

  it("refuses the same genuine request replayed after the window has passed", () => {
    // A captured request keeps its signature and timestamp; only the clock moves on.
    expect(check({ nowSeconds: NOW + 10 }).ok).toBe(true);
    expect(check({ nowSeconds: NOW + 6 * 60 })).toEqual({ ok: false, problem: "stale" });
  });
});
