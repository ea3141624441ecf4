import type { Context, MiddlewareHandler } from "hono";
import { normalizeOrigin } from "../../../courses/index.ts";
import { ConversationStore, isUuid, type Queryable } from "../../../db/index.ts";
import { peekJsonObject } from "../body.ts";
import { errorBody } from "../errors.ts";

export interface CourseCorsDeps {
  /** Whether a page on `origin` may call the API for `course` (see OriginPolicy). */
  allows(course: string, origin: string): Promise<boolean>;
  defaultCourse: string;
  /** The tutor's public address (PUBLIC_BASE_URL); its pages, like the demo page, are always allowed. */
  publicBaseUrl?: string;
  /** Finds which course a session belongs to, for requests that carry a session and no course. */
  db?: Queryable;
}

/** The student routes a browser page may call cross-origin. */
export const CORS_ROUTES = new Set(["/v1/chat", "/v1/feedback", "/v1/search", "/v1/escalations"]);
/** A session's messages (the widget polls them for staff answers). */
const SESSION_MESSAGES = /^\/v1\/sessions\/([^/]{1,100})\/messages$/;
/** Routes whose course is the session's, found from the session id they carry. */
const SESSION_ROUTES = new Set(["/v1/feedback", "/v1/escalations"]);
const ALLOWED_METHODS = "GET, POST, OPTIONS";
const ALLOWED_HEADERS = new Set(["content-type", "accept", "x-tutor-surface", "x-request-id"]);
const EXPOSED_HEADERS = "Retry-After, X-Request-Id, RateLimit-Policy";

/**
 * Per-course CORS for the student routes. Requests without an Origin (servers, curl) and from the
 * tutor's own pages pass untouched. A cross-origin request is answered only if its course lists
 * the origin; otherwise it gets 403 before any work is done (a refused page cannot make the tutor
 * answer even with a "simple" request the browser sends without asking).
 *
 * The course comes from the JSON body; preflights carry no body, so the widget also puts it in
 * the query string (`/v1/chat?course=aie101`), which is what a preflight is judged by.
 */
export function courseCors(deps: CourseCorsDeps): MiddlewareHandler {
  const ownOrigin = deps.publicBaseUrl ? normalizeOrigin(new URL(deps.publicBaseUrl).origin) : undefined;
  const sessions = deps.db ? new ConversationStore(deps.db) : undefined;
  return async (c, next) => {
    if (!CORS_ROUTES.has(c.req.path) && !SESSION_MESSAGES.test(c.req.path)) return next();
    const origin = c.req.header("origin");
    if (!origin || isOwnOrigin(c, origin, ownOrigin)) return next();

    const preflight =
      c.req.method === "OPTIONS" && c.req.header("access-control-request-method") !== undefined;
    const course = preflight ? queryCourse(c, deps.defaultCourse) : await requestCourse(c, deps, sessions);
    if (!(await deps.allows(course, origin))) {
      c.header("Vary", "Origin");
      return c.json(
        errorBody(
          "origin_not_allowed",
          `Pages on ${origin.slice(0, 200)} may not use the tutor for course "${course.slice(0, 64)}".`,
        ),
        403,
      );
    }

    c.header("Access-Control-Allow-Origin", origin);
    c.header("Vary", "Origin");
    if (preflight) {
      const requested = (c.req.header("access-control-request-headers") ?? "")
        .split(",")
        .map((name) => name.trim().toLowerCase())
        .filter((name) => ALLOWED_HEADERS.has(name));
      c.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
      if (requested.length > 0) c.header("Access-Control-Allow-Headers", requested.join(", "));
      c.header("Access-Control-Max-Age", "600");
      return c.body(null, 204);
    }
    c.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    await next();
    // Handlers that build their own Response (streams) do not carry headers set above.
    if (!c.res.headers.has("Access-Control-Allow-Origin")) {
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set("Access-Control-Allow-Origin", origin);
      c.res.headers.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
      c.res.headers.append("Vary", "Origin");
    }
  };
}

/** The page is the tutor's own (same host, or the configured public address). */
function isOwnOrigin(c: Context, origin: string, ownOrigin: string | undefined): boolean {
  const normalized = normalizeOrigin(origin);
  if (!normalized) return false;
  if (normalized === ownOrigin) return true;
  // Compare hosts, not schemes: behind a TLS-terminating proxy the request arrives as http.
  const host = c.req.header("x-forwarded-host")?.split(",")[0]?.trim() || c.req.header("host");
  return host !== undefined && new URL(normalized).host === host.toLowerCase();
}

function queryCourse(c: Context, fallback: string): string {
  const course = c.req.query("course");
  return course && course.length <= 64 ? course : fallback;
}

async function requestCourse(
  c: Context,
  deps: CourseCorsDeps,
  sessions: ConversationStore | undefined,
): Promise<string> {
  const pathSession = SESSION_MESSAGES.exec(c.req.path)?.[1];
  const body = pathSession === undefined ? await peekJsonObject(c) : {};
  if (pathSession === undefined && !SESSION_ROUTES.has(c.req.path)) {
    // Judged by the course the route will use, so a query string cannot stand in for the body.
    return typeof body.course === "string" ? body.course.slice(0, 64) : deps.defaultCourse;
  }
  const sessionId = pathSession ?? body.sessionId;
  if (sessions && typeof sessionId === "string" && isUuid(sessionId)) {
    const course = await sessions.sessionCourse(sessionId);
    if (course !== undefined) return course;
  }
  return queryCourse(c, deps.defaultCourse);
}
