import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import {
  type CourseAction,
  can,
  isAdmin,
  type Principal,
  type SignedIn,
  type StaffAccounts,
  sameSecret,
} from "../../../accounts/index.ts";
import { ApiError, errorBody } from "../errors.ts";

declare module "hono" {
  interface ContextVariableMap {
    /** Who is making an admin request (set by adminAccess). */
    principal: Principal;
  }
}

/** The console's session cookie: HttpOnly, SameSite=Strict, sent to the admin routes only. */
export const SESSION_COOKIE = "tutor_console";
/** The header a signed-in browser echoes its session's CSRF token in, on every state-changing request. */
export const CSRF_HEADER = "x-csrf-token";

export interface AdminAccessDeps {
  tokens: () => (string | undefined)[];
  accounts?: Pick<StaffAccounts, "principal">;
  /** The tutor's public address, whose origin signed-in requests may come from (besides the Host's). */
  publicBaseUrl?: string;
}

/** Sign-in routes anyone may call (they check the credentials they are sent). */
const PUBLIC_ROUTES = new Set([
  "POST /admin/auth/login",
  "POST /admin/auth/bootstrap",
  "POST /admin/auth/invite",
  "POST /admin/auth/accept",
]);

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Who may use `/admin/*`: scripts with `Authorization: Bearer ADMIN_TOKEN` (an admin), or a browser
 * signed in to the console (its session cookie). A signed-in browser's state-changing requests
 * must echo the session's CSRF token in `X-CSRF-Token` and come from the tutor's own origin.
 * Tokens are compared in constant time. Without ADMIN_TOKEN and without a session, the routes are
 * closed (403).
 */
export function adminAccess(deps: AdminAccessDeps): MiddlewareHandler {
  return async (c, next) => {
    // Several admin routers share this check; the first one that ran decided.
    if (c.get("principal") || PUBLIC_ROUTES.has(`${c.req.method} ${c.req.path}`)) return next();
    const accepted = deps.tokens().filter((t): t is string => typeof t === "string" && t.length > 0);
    const header = c.req.header("authorization");
    const cookie = getCookie(c, SESSION_COOKIE);
    if (header === undefined && cookie && deps.accounts) {
      const principal = await deps.accounts.principal(cookie);
      if (!principal) {
        deleteCookie(c, SESSION_COOKIE, { path: "/admin" });
        return c.json(errorBody("session_expired", "Your console session has ended; sign in again."), 401);
      }
      if (!SAFE_METHODS.has(c.req.method) && principal.kind === "user") {
        const offered = c.req.header(CSRF_HEADER) ?? "";
        if (!sameSecret(offered, principal.csrfToken) || !sameOrigin(c, deps.publicBaseUrl))
          return c.json(
            errorBody("csrf", "This request lacks the console's CSRF token; reload the page."),
            403,
          );
      }
      c.set("principal", principal);
      return next();
    }
    if (header === undefined && accepted.length === 0) {
      return c.json(
        errorBody("admin_disabled", "Admin routes are closed: set ADMIN_TOKEN, or sign in at /console."),
        403,
      );
    }
    const match = /^Bearer\s+(.+)$/i.exec(header ?? "");
    if (!match) {
      c.header("WWW-Authenticate", 'Bearer realm="tutor-admin"');
      return c.json(
        errorBody(
          "unauthorized",
          "Send the admin token as 'Authorization: Bearer TOKEN', or sign in at /console.",
        ),
        401,
      );
    }
    if (accepted.length === 0)
      return c.json(
        errorBody("admin_disabled", "Admin tokens are disabled; set ADMIN_TOKEN to enable them."),
        403,
      );
    const offered = (match[1] as string).trim();
    if (!accepted.some((token) => sameSecret(offered, token)))
      return c.json(errorBody("forbidden", "That admin token is not valid."), 403);
    c.set("principal", { kind: "token" });
    return next();
  };
}

/**
 * A browser's request comes from the tutor's own pages: no Origin (same-origin GETs), or one whose
 * host is the Host the request was sent to, or the public base URL's origin.
 */
export function sameOrigin(c: Context, publicBaseUrl: string | undefined): boolean {
  const origin = c.req.header("origin");
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    if (publicBaseUrl && url.origin === new URL(publicBaseUrl).origin) return true;
    return url.host === (c.req.header("host") ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

export function principalOf(c: Context): Principal {
  const principal = c.get("principal");
  if (!principal) throw new ApiError(401, "unauthorized", "Sign in at /console or send the admin token.");
  return principal;
}

/** 403 unless the requester may do `action` in `course` (a TA changing settings, say). */
export function requireAccess(c: Context, action: CourseAction, course: string): Principal {
  const principal = principalOf(c);
  if (!can(principal, action, course)) {
    throw new ApiError(
      403,
      "forbidden",
      action === "manage"
        ? `Only the course's instructors and admins may change course "${course}".`
        : `You are not on the staff of course "${course}".`,
    );
  }
  return principal;
}

export function requireAdmin(c: Context): Principal {
  const principal = principalOf(c);
  if (!isAdmin(principal)) throw new ApiError(403, "forbidden", "Only admins may do this.");
  return principal;
}

/** Sets the session cookie of a new sign-in: HttpOnly, SameSite=Strict, Secure over HTTPS. */
export function setSessionCookie(c: Context, signedIn: SignedIn, publicBaseUrl: string | undefined): void {
  const secure =
    new URL(c.req.url).protocol === "https:" ||
    c.req.header("x-forwarded-proto") === "https" ||
    (publicBaseUrl ?? "").startsWith("https:");
  setCookie(c, SESSION_COOKIE, signedIn.token, {
    path: "/admin",
    httpOnly: true,
    sameSite: "Strict",
    secure,
    expires: signedIn.expiresAt,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/admin" });
}
