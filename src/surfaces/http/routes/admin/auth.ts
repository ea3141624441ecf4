import { type Context, Hono } from "hono";
import { z } from "zod";
import {
  isAdmin,
  normalizeEmail,
  PASSWORD_LENGTH,
  type Principal,
  type SignedIn,
  sameSecret,
} from "../../../../accounts/index.ts";
import { readJsonBody } from "../../body.ts";
import { ApiError } from "../../errors.ts";
import {
  clearSessionCookie,
  principalOf,
  sameOrigin,
  setSessionCookie,
} from "../../middleware/admin-access.ts";
import { clientIp } from "../../middleware/rate-limit.ts";
import type { AdminContext } from "./context.ts";

const email = z.string().trim().min(3).max(254).email("not an email address");
const password = z
  .string()
  .min(PASSWORD_LENGTH.min, `passwords are at least ${PASSWORD_LENGTH.min} characters`)
  .max(PASSWORD_LENGTH.max);
const token = z.string().trim().min(16).max(200);
const name = z.string().trim().max(200);

const loginSchema = z.object({ email, password: z.string().min(1).max(PASSWORD_LENGTH.max) }).strict();
const bootstrapSchema = z.object({ token: z.string().min(1).max(500), email, name, password }).strict();
const previewSchema = z.object({ token }).strict();
const acceptSchema = z
  .object({ token, name: name.default(""), password: z.string().min(1).max(PASSWORD_LENGTH.max) })
  .strict();

/** The person behind a principal, as the console shows them. */
export function describePrincipal(principal: Principal) {
  if (principal.kind === "token") return { kind: "token" as const, admin: true, courses: [] };
  const { user, memberships } = principal;
  return {
    kind: "user" as const,
    id: user.id,
    email: user.email,
    name: user.name,
    admin: isAdmin(principal),
    courses: memberships,
  };
}

/**
 * Signing in to the console: the admin token bootstraps an admin account, staff sign in with
 * email and password, invite links are previewed and accepted, `me` says who is signed in and
 * hands the browser its CSRF token, `logout` ends the session. Sign-in attempts are rate limited
 * per address and per account; the routes only take JSON from the tutor's own pages.
 */
export function authRoutes(admin: AdminContext): Hono {
  const app = new Hono();
  const { accounts, deps } = admin;

  app.post("/admin/auth/login", async (c) => {
    requireJsonFromOwnPages(c, deps.publicBaseUrl);
    const body = await readJsonBody(c, loginSchema);
    await limitAttempts(c, admin, body.email);
    return signedIn(c, admin, await accounts.signIn(body.email, body.password));
  });

  app.post("/admin/auth/bootstrap", async (c) => {
    requireJsonFromOwnPages(c, deps.publicBaseUrl);
    const body = await readJsonBody(c, bootstrapSchema);
    await limitAttempts(c, admin, body.email);
    const tokens = deps.tokens().filter((t): t is string => typeof t === "string" && t.length > 0);
    if (tokens.length === 0)
      throw new ApiError(403, "admin_disabled", "Set ADMIN_TOKEN on the server to create the first admin.");
    if (!tokens.some((t) => sameSecret(body.token, t)))
      throw new ApiError(403, "forbidden", "That admin token is not valid.");
    return signedIn(c, admin, await accounts.bootstrapAdmin(body), 201);
  });

  app.post("/admin/auth/invite", async (c) => {
    requireJsonFromOwnPages(c, deps.publicBaseUrl);
    const body = await readJsonBody(c, previewSchema);
    const { invite, hasAccount } = await accounts.previewInvite(body.token);
    return c.json({
      invite: { email: invite.email, role: invite.role, course: invite.course, expiresAt: invite.expiresAt },
      hasAccount,
    });
  });

  app.post("/admin/auth/accept", async (c) => {
    requireJsonFromOwnPages(c, deps.publicBaseUrl);
    const body = await readJsonBody(c, acceptSchema);
    const { invite, hasAccount } = await accounts.previewInvite(body.token);
    await limitAttempts(c, admin, invite.email);
    if (!hasAccount) password.parse(body.password);
    return signedIn(c, admin, await accounts.acceptInvite(body), 201);
  });

  app.get("/admin/auth/me", (c) => {
    const principal = principalOf(c);
    c.header("Cache-Control", "no-store");
    return c.json({
      user: describePrincipal(principal),
      csrfToken: principal.kind === "user" ? principal.csrfToken : null,
      llmAvailable: deps.llmAvailable ?? false,
    });
  });

  app.post("/admin/auth/logout", async (c) => {
    const principal = principalOf(c);
    if (principal.kind === "user") await accounts.signOut(principal.sessionHash);
    clearSessionCookie(c);
    return c.json({ status: "signed_out" });
  });

  return app;
}

function signedIn(c: Context, admin: AdminContext, session: SignedIn, status: 200 | 201 = 200): Response {
  setSessionCookie(c, session, admin.deps.publicBaseUrl);
  c.header("Cache-Control", "no-store");
  return c.json(
    {
      user: {
        id: session.user.id,
        email: session.user.email,
        name: session.user.name,
        admin: session.user.isAdmin,
      },
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    },
    status,
  );
}

/**
 * Sign-in forms post JSON from the tutor's pages: a cross-site form cannot send JSON without a
 * CORS preflight the tutor never grants, and a foreign Origin is refused outright.
 */
function requireJsonFromOwnPages(c: Context, publicBaseUrl: string | undefined): void {
  if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("application/json"))
    throw new ApiError(415, "unsupported_media_type", "Send the sign-in as application/json.");
  if (!sameOrigin(c, publicBaseUrl))
    throw new ApiError(403, "forbidden", "Sign in from the tutor's own console page.");
}

/** 429 with Retry-After once this address or this account has used its sign-in attempts. */
async function limitAttempts(c: Context, admin: AdminContext, account: string): Promise<void> {
  const limiter = admin.deps.loginLimiter;
  if (!limiter) return;
  const verdict = await limiter.check({
    ip: `login:${clientIp(c, admin.deps.trustProxyHops ?? 0)}`,
    session: `login:${normalizeEmail(account)}`,
  });
  if (verdict.allowed) return;
  const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  throw new ApiError(
    429,
    "rate_limited",
    `Too many sign-in attempts ${verdict.scope === "ip" ? "from your address" : "for this account"}; ` +
      `try again in ${seconds} s.`,
    { "Retry-After": String(seconds) },
  );
}
