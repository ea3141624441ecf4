import { randomBytes } from "node:crypto";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { ApiError, errorBody, toApiError, validateBody } from "../http/index.ts";
import { deepLinkingResponse } from "./deep-linking.ts";
import { LtiError } from "./errors.ts";
import { baseUrl, courseChat, type FormClaims, formClaimsSchema, landingPage, type Page } from "./launch.ts";
import { loginParamsSchema } from "./login.ts";
import { autoPostPage, errorPage, ltiPageCsp } from "./pages.ts";
import type { LtiTool } from "./tool.ts";
import { validateLaunch } from "./validate.ts";

const field = z.string().min(1).max(20_000);
const launchFormSchema = z.object({ id_token: field, state: field });
/** What a platform posts instead of an id_token when it refuses the login (OIDC error response). */
const platformErrorSchema = z.object({
  error: z.string().max(200),
  error_description: z.string().max(1_000).optional(),
});
const setupFormSchema = z.object({ token: field, course: z.string().min(1).max(64) });
const deepLinkFormSchema = setupFormSchema.extend({ title: z.string().trim().min(1).max(200) });

/**
 * The LTI 1.3 tool: `GET|POST /lti/login` (OIDC third-party login), `POST /lti/launch`,
 * `POST /lti/setup` (an instructor's course choice), `POST /lti/deep-link` (the response to a
 * deep-linking request) and `GET /lti/jwks.json` (the tool's public keys).
 */
export function ltiRoutes(tool: LtiTool): Hono {
  const app = new Hono();

  const login = async (c: Context, params: Record<string, unknown>) => {
    const url = await tool.login(validateBody(loginParamsSchema, params), `${baseUrl(tool, c)}/lti/launch`);
    c.header("Cache-Control", "no-store");
    return c.redirect(url.toString(), 302);
  };
  app.get("/lti/login", (c) => login(c, c.req.query()));
  app.post("/lti/login", async (c) => login(c, await formOf(c)));

  app.post("/lti/launch", async (c) => {
    const form = await formOf(c);
    const refused = platformErrorSchema.safeParse(form);
    if (refused.success && form.id_token === undefined) {
      throw new LtiError(
        400,
        "platform_refused",
        `The LMS refused the login: ${refused.data.error_description ?? refused.data.error}`,
      );
    }
    const { id_token, state } = validateBody(launchFormSchema, form);
    const launch = await validateLaunch(tool, id_token, state);
    return page(c, await landingPage(tool, launch));
  });

  app.post("/lti/setup", async (c) => {
    const body = validateBody(setupFormSchema, await formOf(c));
    const claims = await formClaims(tool, "setup", body.token);
    const { courses, course } = await chosenCourse(tool, claims, body.course);
    const chosen = await tool.launches.chooseContextCourse({
      platformId: claims.platformId,
      contextId: claims.contextId,
      course: course.id,
      title: claims.contextTitle,
      chosenBy: claims.owner ?? "anonymous",
    });
    // Two instructors choosing at once: the first choice holds, and both land in it.
    const held = courses.find((x) => x.id === chosen.course) ?? course;
    return page(c, await courseChat(tool, claims, held, true));
  });

  app.post("/lti/deep-link", async (c) => {
    const body = validateBody(deepLinkFormSchema, await formOf(c));
    const claims = await formClaims(tool, "deep-link", body.token);
    const { platform, course } = await chosenCourse(tool, claims, body.course);
    if (!claims.returnUrl || !claims.deploymentId) {
      throw new LtiError(
        401,
        "invalid_form_token",
        "This page has expired; open the tool again from the LMS.",
      );
    }
    const jwt = await deepLinkingResponse(tool.keys, {
      platform,
      deploymentId: claims.deploymentId,
      ...(claims.data !== undefined ? { data: claims.data } : {}),
      course: course.id,
      title: body.title,
      launchUrl: `${baseUrl(tool, c)}/lti/launch`,
    });
    const scriptNonce = randomBytes(16).toString("base64");
    const returnOrigin = new URL(claims.returnUrl).origin;
    return page(c, autoPostPage({ action: claims.returnUrl, fields: { JWT: jwt }, scriptNonce }), {
      formAction: returnOrigin,
      scriptNonce,
    });
  });

  app.get("/lti/jwks.json", async (c) => {
    c.header("Cache-Control", "public, max-age=300");
    c.header("Access-Control-Allow-Origin", "*");
    return c.json(await tool.keys.jwks());
  });

  app.onError((error, c) => respondWithLtiError(c, error));
  return app;
}

async function formClaims(tool: LtiTool, purpose: string, token: string): Promise<FormClaims> {
  const claims = formClaimsSchema.safeParse(await tool.secrets.verifyForm(purpose, token));
  if (!claims.success) {
    throw new LtiError(401, "invalid_form_token", "This page has expired; open the tool again from the LMS.");
  }
  return claims.data;
}

/** The course a form chose, if the platform (still registered) offers it. */
async function chosenCourse(tool: LtiTool, claims: FormClaims, id: string) {
  const platform = await tool.platforms.find(claims.platformId);
  if (!platform)
    throw new LtiError(403, "unknown_platform", "This LMS is no longer registered with the tutor.");
  const courses = await tool.choosableCourses(platform);
  const course = courses.find((x) => x.id === id);
  if (!course) throw new LtiError(400, "unknown_course", "Choose one of the courses offered.");
  return { platform, courses, course };
}

async function formOf(c: Context): Promise<Record<string, unknown>> {
  try {
    const body = await c.req.parseBody();
    return Object.fromEntries(Object.entries(body).filter(([, value]) => typeof value === "string"));
  } catch {
    throw new ApiError(400, "invalid_body", "The request body is not a form.");
  }
}

function page(c: Context, body: Page, csp: Parameters<typeof ltiPageCsp>[0] = {}, status: 200 | 400 = 200) {
  c.header("Content-Security-Policy", ltiPageCsp(csp));
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Cache-Control", "no-store");
  return c.html(body, status);
}

const TITLES: Record<number, string> = {
  400: "The launch could not be read",
  401: "The launch could not be verified",
  403: "This launch is not allowed",
  404: "Not found",
  503: "The tutor could not reach your LMS",
};

/** Browsers get a page that says what went wrong; other clients the usual `{error:{code,message}}`. */
function respondWithLtiError(c: Context, error: unknown) {
  const failure = error instanceof LtiError ? error : toApiError(error);
  if (!(c.req.header("accept") ?? "").includes("text/html")) {
    return c.json(errorBody(failure.code, failure.message), failure.status);
  }
  c.header("Content-Security-Policy", ltiPageCsp());
  c.header("X-Content-Type-Options", "nosniff");
  const title = TITLES[failure.status] ?? "Something went wrong";
  return c.html(errorPage({ title, message: failure.message, code: failure.code }), failure.status);
}
