import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { isUuid } from "../../../db/conversations.ts";
import type { RateLimiter, RateScope, RateSubject } from "../../../ratelimit/index.ts";
import { peekJsonObject } from "../body.ts";
import { errorBody } from "../errors.ts";
import { courseIdSchema } from "../schemas.ts";

export interface RateLimitMiddlewareDeps {
  limiter: RateLimiter;
  defaultCourse: string;
  /**
   * Proxies in front of the tutor whose X-Forwarded-For entries to trust (0: use the socket's
   * address). Behind one load balancer this is 1: the client is the last address it appended.
   */
  trustProxyHops: number;
  onLimited?: (scope: RateScope) => void;
}

/** Which scopes each limited route counts against (searches have no session). */
const LIMITED_ROUTES: Record<string, { session: boolean; course: boolean }> = {
  "/v1/chat": { session: true, course: true },
  "/v1/search": { session: false, course: true },
  "/v1/feedback": { session: true, course: false },
};

const SCOPE_WORDS: Record<RateScope, string> = {
  ip: "from your network address",
  session: "in this conversation",
  course: "for this course right now",
};

/**
 * 429 with Retry-After once a client IP, a session or a course has used its allowance on the
 * student-facing routes. Runs after the body-size limit, and reads the (already bounded) body
 * only to learn the course and session; the route handler validates it properly.
 */
export function rateLimit(deps: RateLimitMiddlewareDeps): MiddlewareHandler {
  return async (c, next) => {
    const route = c.req.method === "POST" ? LIMITED_ROUTES[c.req.path] : undefined;
    if (!route) return next();
    const body = await peekJsonObject(c);
    const subject: RateSubject = { ip: clientIp(c, deps.trustProxyHops) };
    const session = typeof body.sessionId === "string" ? body.sessionId : undefined;
    // Only real session ids: anything else starts a new session and is covered by the IP limit.
    if (route.session && session && isUuid(session)) subject.session = session.toLowerCase();
    // Only well-formed course ids become keys (anything else is a 400 from the route anyway), so a
    // client cannot fill the store with huge made-up keys.
    if (route.course) {
      const course =
        body.course === undefined ? deps.defaultCourse : courseIdSchema.safeParse(body.course).data;
      if (course) subject.course = course;
    }

    const refusal = await checkRateLimit(deps, subject);
    if (!refusal) return next();
    setRateLimitHeaders(c, refusal);
    return c.json(errorBody("rate_limited", refusal.message), 429);
  };
}

/** Why a request was refused by the limiter, for a surface to answer in its own error shape. */
export interface RateLimitRefusal {
  scope: RateScope;
  retryAfterSeconds: number;
  /** `limit;w=seconds`, for the RateLimit-Policy header. */
  policy: string;
  message: string;
}

/** Spends one request of every scope the subject names; a refusal once any scope has none left. */
export async function checkRateLimit(
  deps: Pick<RateLimitMiddlewareDeps, "limiter" | "onLimited">,
  subject: RateSubject,
): Promise<RateLimitRefusal | undefined> {
  const verdict = await deps.limiter.check(subject);
  if (verdict.allowed) return undefined;
  deps.onLimited?.(verdict.scope);
  const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  return {
    scope: verdict.scope,
    retryAfterSeconds: seconds,
    policy: `${verdict.limit};w=${Math.round(verdict.windowMs / 1000)}`,
    message: `Too many requests ${SCOPE_WORDS[verdict.scope]}; try again in ${seconds} s.`,
  };
}

export function setRateLimitHeaders(c: Context, refusal: RateLimitRefusal): void {
  c.header("Retry-After", String(refusal.retryAfterSeconds));
  c.header("RateLimit-Policy", refusal.policy);
}

/** The client's address: the socket peer, or the entry a trusted proxy added to X-Forwarded-For. */
export function clientIp(c: Context, trustProxyHops: number): string {
  if (trustProxyHops > 0) {
    const forwarded = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const entry = forwarded[forwarded.length - trustProxyHops];
    // An address is short; anything longer is not one a proxy wrote.
    if (entry && entry.length <= 64) return entry;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests has no socket.
    return "unknown";
  }
}
