import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleClient, consoleClient, signInAs } from "../../../../helpers/console-client.ts";
import { startSeededServer } from "../../../../helpers/server.ts";

type ErrorReply = { error: { code: string; message: string } };

/**
 * Signing in to the console over real HTTP: the admin token bootstraps the first admin, sessions
 * live in an HttpOnly SameSite=Strict cookie, every state-changing request needs the session's
 * CSRF token, sign-ins are rate limited, invites work once, and roles hold in the API itself.
 */
describe("console sign-in and roles", () => {
  const TOKEN = "console-access-token-8842";
  let server: Awaited<ReturnType<typeof startSeededServer>>;
  let admin: ConsoleClient;
  let ta: ConsoleClient;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  const code = async (response: Response) => ((await response.json()) as ErrorReply).error.code;

  beforeAll(async () => {
    server = await startSeededServer({ ADMIN_TOKEN: TOKEN, CONSOLE_LOGIN_ATTEMPTS: "3" });
    await fetch(`${server.url}/admin/courses`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ id: "chem300", title: "Chemistry" }),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("bootstraps the first admin with the admin token and sets a locked-down session cookie", async () => {
    const ada = { token: TOKEN, email: "ada@example.edu", name: "Ada", password: "correct horse battery" };
    expect((await post("/admin/auth/bootstrap", { ...ada, token: "not-the-token" })).status).toBe(403);
    expect((await post("/admin/auth/bootstrap", { ...ada, password: "short" })).status).toBe(400);
    const notJson = await fetch(`${server.url}/admin/auth/bootstrap`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify(ada),
    });
    expect(notJson.status).toBe(415);

    const response = await post("/admin/auth/bootstrap", ada);
    expect(response.status).toBe(201);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^tutor_console=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/admin/);
    expect(cookie).not.toMatch(/Secure/i); // plain http on 127.0.0.1
    const body = (await response.json()) as { csrfToken: string; user: { admin: boolean } };
    expect(body.user.admin).toBe(true);
    admin = consoleClient(server.url, /tutor_console=[^;]+/.exec(cookie)?.[0] ?? "", body.csrfToken);
    const me = (await (await admin.request("GET", "/admin/auth/me")).json()) as {
      user: { email: string };
      csrfToken: string;
    };
    expect(me.user.email).toBe("ada@example.edu");
    expect(me.csrfToken).toBe(body.csrfToken);
  });

  it("refuses state-changing requests without the session's CSRF token or from another origin", async () => {
    const course = { id: "geo150", title: "Geology" };
    const bare = await fetch(`${server.url}/admin/courses`, {
      method: "POST",
      headers: { cookie: admin.cookie, "content-type": "application/json" },
      body: JSON.stringify(course),
    });
    expect(bare.status).toBe(403);
    expect(await code(bare)).toBe("csrf");
    const forged = await admin.request("POST", "/admin/courses", course, { "x-csrf-token": "guessed" });
    expect(forged.status).toBe(403);
    const crossSite = await admin.request("POST", "/admin/courses", course, {
      origin: "https://evil.example",
    });
    expect(crossSite.status).toBe(403);
    expect((await admin.request("POST", "/admin/courses", course)).status).toBe(201);
    // Reads need no token, and scripts with the bearer token need none either.
    expect((await admin.request("GET", "/admin/courses/geo150")).status).toBe(200);
    const script = await fetch(`${server.url}/admin/courses/geo150/settings`, {
      method: "PUT",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ defaultMode: "hint" }),
    });
    expect(script.status).toBe(200);
  });

  it("invites a TA who then sees only their course and cannot change it", async () => {
    const invited = await admin.request("POST", "/admin/invites", {
      email: "tim@example.edu",
      role: "ta",
      course: "aie101",
    });
    expect(invited.status).toBe(201);
    const { link, token } = (await invited.json()) as { link: string; token: string };
    expect(new URL(link).pathname).toBe("/console/");
    expect(new URL(link).hash).toBe(`#/accept/${token}`);
    ta = await signInAs(server.url, "/admin/auth/accept", {
      token,
      name: "Tim",
      password: "tims long password",
    });
    const reused = await post("/admin/auth/accept", { token, name: "Eve", password: "eves long password" });
    expect(reused.status).toBe(410);

    const listed = (await (await ta.request("GET", "/admin/courses")).json()) as {
      courses: { id: string; role: string }[];
    };
    expect(listed.courses.map((c) => [c.id, c.role])).toEqual([["aie101", "ta"]]);
    expect((await ta.request("GET", "/admin/courses/aie101/insights")).status).toBe(200);
    expect((await ta.request("GET", "/admin/courses/aie101/settings")).status).toBe(200);
    for (const [method, path, body] of [
      ["PUT", "/admin/courses/aie101/settings", { defaultMode: "quiz" }],
      ["PUT", "/admin/courses/aie101/origins", { allowedOrigins: null }],
      ["POST", "/admin/courses/aie101/archive", { archived: true }],
      ["DELETE", "/admin/courses/aie101?confirm=aie101", undefined],
      ["POST", "/admin/courses/aie101/ingest", undefined],
      [
        "POST",
        "/admin/evals",
        { course: "aie101", dataset: [{ id: "u1", category: "unanswerable", question: "x?" }] },
      ],
      ["POST", "/admin/invites", { email: "eve@example.edu", role: "ta", course: "aie101" }],
      ["POST", "/admin/courses", { id: "ta-course" }],
      ["GET", "/admin/users", undefined],
      ["GET", "/admin/courses/chem300/stats", undefined],
      ["GET", "/admin/courses/chem300/insights", undefined],
    ] as const) {
      const response = await ta.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    const settings = (await (await admin.request("GET", "/admin/courses/aie101/settings")).json()) as {
      settings: { defaultMode: string; archived: boolean };
    };
    expect(settings.settings).toMatchObject({ defaultMode: "explain", archived: false });
  });

  it("rate limits sign-in attempts per account, even with the right password after that", async () => {
    await signInAs(server.url, "/admin/auth/bootstrap", {
      token: TOKEN,
      email: "bo@example.edu",
      name: "Bo",
      password: "bos right password",
    });
    const attempts: number[] = [];
    for (let i = 0; i < 2; i++)
      attempts.push(
        (await post("/admin/auth/login", { email: "bo@example.edu", password: `wrong ${i} password` }))
          .status,
      );
    const limited = await post("/admin/auth/login", {
      email: "bo@example.edu",
      password: "bos right password",
    });
    expect(attempts).toEqual([401, 401]);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another account is not held back by Bo's.
    expect(
      (await post("/admin/auth/login", { email: "ada@example.edu", password: "correct horse battery" }))
        .status,
    ).toBe(200);
  });

  it("signs out: the session cookie stops working", async () => {
    expect((await ta.request("GET", "/admin/courses")).status).toBe(200);
    expect((await ta.request("POST", "/admin/auth/logout")).status).toBe(200);
    const after = await ta.request("GET", "/admin/courses");
    expect(after.status).toBe(401);
    expect(await code(after)).toBe("session_expired");
  });
});
