import type { MiddlewareHandler } from "hono";
import { OpenAiError } from "./errors.ts";
import type { ApiKeys, AuthenticatedKey } from "./keys.ts";

export type OpenAiEnv = { Variables: { apiKey: AuthenticatedKey } };

/**
 * Bearer API keys, as every OpenAI client sends them. A missing or unknown (or revoked) key is a
 * 401 before the body is read, so an unauthenticated caller costs nothing but the lookup.
 */
export function apiKeyAuth(keys: ApiKeys): MiddlewareHandler<OpenAiEnv> {
  return async (c, next) => {
    if (c.req.method === "OPTIONS") return next();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "");
    if (!match?.[1]) {
      c.header("WWW-Authenticate", 'Bearer realm="course-tutor"');
      throw new OpenAiError(
        401,
        "missing_api_key",
        "You didn't provide an API key. Send it as 'Authorization: Bearer KEY'; an admin issues keys per course.",
      );
    }
    const key = await keys.authenticate(match[1]);
    if (!key) {
      c.header("WWW-Authenticate", 'Bearer realm="course-tutor", error="invalid_token"');
      throw new OpenAiError(401, "invalid_api_key", "Incorrect API key provided, or the key was revoked.");
    }
    c.set("apiKey", key);
    await next();
  };
}

/**
 * Browsers may call the OpenAI-compatible routes from any page: they take an API key, never
 * cookies, so allowing every origin lends a page nothing it does not already hold.
 */
export function openCors(): MiddlewareHandler {
  return async (c, next) => {
    c.header("Access-Control-Allow-Origin", "*");
    if (c.req.method === "OPTIONS") {
      const requested = c.req.header("access-control-request-headers");
      c.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      c.header("Access-Control-Allow-Headers", requested?.slice(0, 1_000) || "authorization, content-type");
      c.header("Access-Control-Max-Age", "600");
      return c.body(null, 204);
    }
    c.header("Access-Control-Expose-Headers", "Retry-After, X-Request-Id, RateLimit-Policy");
    await next();
  };
}
