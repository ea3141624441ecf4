import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeLms, type LaunchSpec, ROLES, startFakeLms } from "../../helpers/fake-lms.ts";
import { startSeededServer } from "../../helpers/server.ts";

type ErrorReply = { error: { code: string; message: string } };
type Form = { action: string; fields: Record<string, string> };

/** The first form of an HTML page: where it posts and its hidden fields. */
function formOf(page: string): Form {
  const form = parse(page).querySelector("form");
  if (!form) throw new Error(`no form in ${page.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const input of form.querySelectorAll("input")) {
    const name = input.getAttribute("name");
    if (name) fields[name] = input.getAttribute("value") ?? "";
  }
  return { action: form.getAttribute("action") ?? "", fields };
}

/** LTI 1.3 launches from a fake platform that speaks the protocol, over real HTTP on 127.0.0.1. */
describe("LTI 1.3 launches", () => {
  const adminToken = "lti-admin-token";
  let server: Awaited<ReturnType<typeof startSeededServer>>;
  let lms: FakeLms;
  let platformId: string;

  const admin = (route: string, init: RequestInit = {}) =>
    fetch(`${server.url}${route}`, {
      ...init,
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
    });
  const post = (url: string, fields: Record<string, string>, accept = "text/html") =>
    fetch(url.startsWith("/") ? `${server.url}${url}` : url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept },
      body: new URLSearchParams(fields),
      redirect: "manual",
    });

  /** The browser's part: the LMS starts the login, the tool redirects to the LMS, which posts back. */
  async function idTokenFor(spec: LaunchSpec): Promise<Form> {
    const login = await post("/lti/login", lms.prepareLaunch(spec));
    expect(login.status).toBe(302);
    const auth = await fetch(login.headers.get("location") as string);
    return formOf(await auth.text());
  }
  async function launch(spec: LaunchSpec, accept = "text/html"): Promise<Response> {
    const form = await idTokenFor(spec);
    return post(form.action, form.fields, accept);
  }
  const learner = (user: string, context = "ctx-1"): LaunchSpec => ({
    user,
    roles: [ROLES.learner],
    context: { id: context, title: "Intro to AI Engineering (Fall)" },
  });
  const instructor = (user: string, context = "ctx-1"): LaunchSpec => ({
    ...learner(user, context),
    roles: [ROLES.instructor],
  });
  const rejection = async (spec: LaunchSpec) => {
    const response = await launch(spec, "application/json");
    return { status: response.status, code: ((await response.json()) as ErrorReply).error.code };
  };

  beforeAll(async () => {
    server = await startSeededServer({ ADMIN_TOKEN: adminToken });
    lms = await startFakeLms({ url: server.url });
    const registered = await admin("/admin/lti/platforms", {
      method: "POST",
      body: JSON.stringify(lms.registration()),
    });
    expect(registered.status).toBe(201);
    const body = (await registered.json()) as { platform: { id: string }; tool: Record<string, string> };
    platformId = body.platform.id;
    expect(body.tool.launchUrl).toBe(`${server.url}/lti/launch`);
  });
  afterAll(async () => {
    await lms?.close();
    await server?.close();
  });

  it("tells a learner of an unmapped context that the tutor is not set up yet", async () => {
    const response = await launch(learner("stu-0", "ctx-unmapped"));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("not set up yet");
  });

  it("lets the instructor choose the course once, then lands learners in its chat", async () => {
    const first = await launch(instructor("prof-1"));
    expect(first.status).toBe(200);
    const setup = formOf(await first.text());
    expect(setup.action).toBe("/lti/setup");
    const chosen = await post("/lti/setup", { ...setup.fields, course: "aie101" });
    expect(chosen.status).toBe(200);
    const instructorPage = await chosen.text();
    expect(instructorPage).toContain("Instructor view");
    expect(instructorPage).toContain('href="/console/courses/aie101"');

    // The choice is remembered: the next instructor launch goes straight to the instructor view.
    expect(await (await launch(instructor("prof-1"))).text()).toContain("Instructor view");

    const page = await launch(learner("stu-1"));
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors *");
    const script = parse(await page.text()).querySelector('script[src="/widget.js"]');
    expect(script?.getAttribute("data-course")).toBe("aie101");
    expect(script?.getAttribute("data-layout")).toBe("page");
    const sessionId = script?.getAttribute("data-session") ?? "";
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);

    // The session is the learner's: the next launch continues it; another learner gets their own.
    const again = parse(await (await launch(learner("stu-1"))).text()).querySelector("script[data-session]");
    expect(again?.getAttribute("data-session")).toBe(sessionId);
    const other = parse(await (await launch(learner("stu-2"))).text()).querySelector("script[data-session]");
    expect(other?.getAttribute("data-session")).not.toBe(sessionId);

    // The session is stored against a pseudonym of the LMS user id, never the id itself.
    const { rows } = await server.tutor.db.query<{ owner: string; session_id: string }>(
      "SELECT owner, session_id FROM lti_sessions WHERE session_id = $1",
      [sessionId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.owner).not.toContain("stu-1");
    expect(rows[0]?.owner.length).toBeGreaterThanOrEqual(40);

    // The session answers on /v1/chat like any other and stays with its course.
    const chat = await fetch(`${server.url}/v1/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ course: "aie101", sessionId, message: "What is model drift?" }),
    });
    expect(((await chat.json()) as { sessionId: string }).sessionId).toBe(sessionId);

    const listed = (await (await admin(`/admin/lti/platforms/${platformId}`)).json()) as {
      contexts: { contextId: string; course: string }[];
    };
    expect(listed.contexts).toEqual([expect.objectContaining({ contextId: "ctx-1", course: "aie101" })]);
  });

  it("treats a teaching assistant as staff", async () => {
    const page = await launch({ ...learner("ta-1"), roles: [ROLES.ta] });
    expect(await page.text()).toContain("Instructor view");
  });

  it("rejects a token signed with a key the platform never published", async () => {
    expect(await rejection({ ...learner("stu-3"), tamper: { foreignKey: true } })).toEqual({
      status: 401,
      code: "invalid_signature",
    });
  });

  it("rejects an expired token", async () => {
    expect(await rejection({ ...learner("stu-3"), tamper: { expiresIn: -600 } })).toEqual({
      status: 401,
      code: "token_expired",
    });
  });

  it("rejects a token for another audience", async () => {
    expect(await rejection({ ...learner("stu-3"), tamper: { audience: "some-other-tool" } })).toEqual({
      status: 401,
      code: "wrong_audience",
    });
  });

  it("rejects an unknown deployment", async () => {
    expect(await rejection({ ...learner("stu-3"), tamper: { deploymentId: "deployment-unknown" } })).toEqual({
      status: 403,
      code: "unknown_deployment",
    });
  });

  it("rejects a replayed launch: a nonce works once", async () => {
    const form = await idTokenFor(learner("stu-4"));
    expect((await post(form.action, form.fields)).status).toBe(200);
    const replay = await post(form.action, form.fields, "application/json");
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as ErrorReply).error.code).toBe("nonce_replayed");
  });

  it("rejects a valid token posted with another login's state", async () => {
    const first = await idTokenFor(learner("stu-5"));
    const second = await idTokenFor(learner("stu-5"));
    const swapped = await post(first.action, {
      id_token: first.fields.id_token ?? "",
      state: second.fields.state ?? "",
    });
    expect(swapped.status).toBe(401);
    expect(await swapped.text()).toContain('data-code="nonce_mismatch"');
  });

  it("accepts the login initiation as a GET with a query string too", async () => {
    const query = new URLSearchParams(lms.prepareLaunch(learner("stu-get")));
    const login = await fetch(`${server.url}/lti/login?${query}`, { redirect: "manual" });
    expect(login.status).toBe(302);
    const auth = new URL(login.headers.get("location") as string);
    expect(auth.origin).toBe(lms.origin);
    expect(auth.searchParams.get("redirect_uri")).toBe(`${server.url}/lti/launch`);
    expect(auth.searchParams.get("response_mode")).toBe("form_post");
    const form = formOf(await (await fetch(auth)).text());
    expect((await post(form.action, form.fields)).status).toBe(200);
  });

  it("refuses logins from unregistered platforms and targets off this tool", async () => {
    const params = lms.prepareLaunch(learner("stu-6"));
    const unknown = await post(
      "/lti/login",
      { ...params, iss: "https://lms.elsewhere.example" },
      "application/json",
    );
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as ErrorReply).error.code).toBe("unknown_platform");
    const offsite = await post(
      "/lti/login",
      { ...params, target_link_uri: "https://evil.example/phish" },
      "application/json",
    );
    expect(offsite.status).toBe(400);
    expect(((await offsite.json()) as ErrorReply).error.code).toBe("invalid_target");
    const garbage = await post("/lti/launch", { id_token: "not-a-jwt", state: "x" }, "application/json");
    expect(garbage.status).toBe(400);
    expect(lms.refusals).toEqual([]);
  });

  it("adds the tutor to a module through deep linking, and the link opens its course", async () => {
    const picker = await launch({ ...instructor("prof-2", "ctx-2"), message: "LtiDeepLinkingRequest" });
    expect(picker.status).toBe(200);
    const form = formOf(await picker.text());
    expect(form.action).toBe("/lti/deep-link");
    const response = await post("/lti/deep-link", {
      ...form.fields,
      course: "aie101",
      title: "Ask the AIE101 tutor",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain(`form-action 'self' ${lms.origin}`);
    const back = formOf(await response.text());
    expect(back.action).toBe(`${lms.origin}/deep-link-return`);
    const received = await post(back.action, back.fields);
    expect(await received.text()).toContain("Added: Ask the AIE101 tutor");

    const item = lms.deepLinks.at(-1)?.items[0];
    expect(item).toMatchObject({
      type: "ltiResourceLink",
      title: "Ask the AIE101 tutor",
      url: `${server.url}/lti/launch`,
      custom: { tutor_course: "aie101" },
    });
    expect(lms.deepLinks.at(-1)?.payload["https://purl.imsglobal.org/spec/lti-dl/claim/data"]).toBe(
      "opaque-platform-data",
    );

    // A learner opening the new link lands in that course, though ctx-2 never chose one.
    const page = await launch({ ...learner("stu-7", "ctx-2"), custom: item?.custom ?? {} });
    expect(
      parse(await page.text())
        .querySelector("script[data-course]")
        ?.getAttribute("data-course"),
    ).toBe("aie101");
  });

  it("keeps deep linking to instructors", async () => {
    const response = await launch(
      { ...learner("stu-8", "ctx-2"), message: "LtiDeepLinkingRequest" },
      "application/json",
    );
    expect(response.status).toBe(403);
    expect(((await response.json()) as ErrorReply).error.code).toBe("instructors_only");
  });

  it("refuses forged or expired form tokens", async () => {
    const forged = await post(
      "/lti/setup",
      { token: "eyJhbGciOiJIUzI1NiJ9.e30.x", course: "aie101" },
      "application/json",
    );
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as ErrorReply).error.code).toBe("invalid_form_token");
  });
});
