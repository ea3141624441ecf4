import { decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeLms, ROLES, startFakeLms } from "../../helpers/fake-lms.ts";
import { startSeededServer } from "../../helpers/server.ts";

type ErrorReply = { error: { code: string } };
type Jwks = { keys: { kid: string; kty: string; n: string; d?: string }[] };

describe("LTI administration: platforms and the tool's keys", () => {
  const adminToken = "lti-admin-routes-token";
  let server: Awaited<ReturnType<typeof startSeededServer>>;
  let lms: FakeLms;

  const admin = (route: string, init: RequestInit = {}) =>
    fetch(`${server.url}${route}`, {
      ...init,
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
    });
  const jwks = async () => (await (await fetch(`${server.url}/lti/jwks.json`)).json()) as Jwks;

  beforeAll(async () => {
    server = await startSeededServer({ ADMIN_TOKEN: adminToken });
    lms = await startFakeLms({ url: server.url });
  });
  afterAll(async () => {
    await lms?.close();
    await server?.close();
  });

  it("keeps every LTI admin route behind the admin token", async () => {
    for (const [method, route] of [
      ["GET", "/admin/lti/platforms"],
      ["POST", "/admin/lti/platforms"],
      ["GET", "/admin/lti/keys"],
      ["POST", "/admin/lti/keys/rotate"],
      ["GET", "/admin/lti/tool"],
    ] as const) {
      expect((await fetch(`${server.url}${route}`, { method })).status, `${method} ${route}`).toBe(401);
    }
  });

  it("registers, validates, edits and deletes platforms", async () => {
    const bad = await admin("/admin/lti/platforms", {
      method: "POST",
      body: JSON.stringify(lms.registration({ jwksUrl: "javascript:alert(1)" })),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorReply).error.code).toBe("invalid_request");

    const created = await admin("/admin/lti/platforms", {
      method: "POST",
      body: JSON.stringify(lms.registration({ courses: ["aie101"] })),
    });
    expect(created.status).toBe(201);
    const { platform } = (await created.json()) as { platform: { id: string; deploymentIds: string[] } };
    expect(platform.deploymentIds).toEqual([lms.deploymentId]);
    const again = await admin("/admin/lti/platforms", {
      method: "POST",
      body: JSON.stringify(lms.registration()),
    });
    expect(again.status).toBe(409);

    const edited = await admin(`/admin/lti/platforms/${platform.id}`, {
      method: "PUT",
      body: JSON.stringify(lms.registration({ deploymentIds: [lms.deploymentId, "deployment-2"] })),
    });
    expect(edited.status).toBe(200);
    expect(
      ((await edited.json()) as { platform: { deploymentIds: string[] } }).platform.deploymentIds,
    ).toHaveLength(2);
    const listed = (await (await admin("/admin/lti/platforms")).json()) as { platforms: unknown[] };
    expect(listed.platforms).toHaveLength(1);

    expect((await admin("/admin/lti/platforms/not-a-uuid")).status).toBe(404);
    expect((await admin(`/admin/lti/platforms/${platform.id}`, { method: "DELETE" })).status).toBe(200);
    // Gone: its logins are refused.
    const login = await fetch(`${server.url}/lti/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(
        lms.prepareLaunch({ user: "u", roles: [ROLES.learner], context: { id: "c", title: "" } }),
      ),
      redirect: "manual",
    });
    expect(login.status).toBe(400);
  });

  it("publishes only public keys and keeps the previous key published after a rotation", async () => {
    const before = await jwks();
    expect(before.keys).toHaveLength(1);
    expect(before.keys[0]?.kty).toBe("RSA");
    expect(before.keys[0]?.d).toBeUndefined();
    const oldKid = before.keys[0]?.kid;

    const rotated = await admin("/admin/lti/keys/rotate", { method: "POST" });
    expect(rotated.status).toBe(201);
    const newKid = ((await rotated.json()) as { key: { kid: string } }).key.kid;
    expect(newKid).not.toBe(oldKid);
    const after = await jwks();
    expect(after.keys.map((k) => k.kid)).toEqual([newKid, oldKid]);
    expect(after.keys.every((k) => k.d === undefined)).toBe(true);

    const listed = (await (await admin("/admin/lti/keys")).json()) as {
      keys: { kid: string; current: boolean; retiredAt: string | null }[];
    };
    expect(listed.keys.find((k) => k.kid === newKid)?.current).toBe(true);
    expect(listed.keys.find((k) => k.kid === oldKid)?.retiredAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain('"d"');
  });

  it("signs deep-linking responses with the current key, which the platform verifies", async () => {
    await admin("/admin/lti/platforms", { method: "POST", body: JSON.stringify(lms.registration()) });
    const current = (await jwks()).keys[0]?.kid;
    const login = await fetch(`${server.url}/lti/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(
        lms.prepareLaunch({
          user: "prof",
          roles: [ROLES.instructor],
          context: { id: "ctx-keys", title: "Keys" },
          message: "LtiDeepLinkingRequest",
        }),
      ),
      redirect: "manual",
    });
    const authPage = await (await fetch(login.headers.get("location") as string)).text();
    const field = (page: string, name: string) =>
      new RegExp(`name="${name}" value="([^"]*)"`)
        .exec(page)?.[1]
        ?.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))) ?? "";
    const picker = await (
      await fetch(`${server.url}/lti/launch`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ id_token: field(authPage, "id_token"), state: field(authPage, "state") }),
      })
    ).text();
    const response = await (
      await fetch(`${server.url}/lti/deep-link`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token: field(picker, "token"), course: "aie101", title: "Tutor" }),
      })
    ).text();
    const jwt = field(response, "JWT");
    expect(decodeProtectedHeader(jwt).kid).toBe(current);
    const received = await fetch(`${lms.origin}/deep-link-return`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ JWT: jwt }),
    });
    expect(received.status).toBe(200);
    expect(lms.deepLinks).toHaveLength(1);
  });
});

describe("LTI tool keys without a grace period", () => {
  let server: Awaited<ReturnType<typeof startSeededServer>>;
  beforeAll(async () => {
    server = await startSeededServer({ ADMIN_TOKEN: "t0", LTI_KEY_GRACE_HOURS: "0" });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("stops publishing a rotated-out key once its grace period is over", async () => {
    const first = (await (await fetch(`${server.url}/lti/jwks.json`)).json()) as Jwks;
    await fetch(`${server.url}/admin/lti/keys/rotate`, {
      method: "POST",
      headers: { authorization: "Bearer t0" },
    });
    const after = (await (await fetch(`${server.url}/lti/jwks.json`)).json()) as Jwks;
    expect(after.keys).toHaveLength(1);
    expect(after.keys[0]?.kid).not.toBe(first.keys[0]?.kid);
  });
});
