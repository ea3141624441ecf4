import { randomUUID } from "node:crypto";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { isUuid, type LtiPlatform } from "../../db/index.ts";
import { ApiError, adminAuth, courseIdSchema, readJsonBody, respondWithError } from "../http/index.ts";
import { baseUrl } from "./launch.ts";
import type { LtiTool } from "./tool.ts";

const httpUrl = z
  .url()
  .max(2_048)
  .refine((value) => /^https?:\/\//i.test(value), "must be an http(s) address");

const platformSchema = z
  .object({
    name: z.string().trim().max(200).default(""),
    issuer: z.string().trim().min(1).max(2_048),
    clientId: z.string().trim().min(1).max(255),
    authEndpoint: httpUrl,
    jwksUrl: httpUrl,
    deploymentIds: z.array(z.string().trim().min(1).max(255)).max(100).default([]),
    /** Courses this platform's instructors may choose; null or absent offers every course. */
    courses: z.array(courseIdSchema).max(1_000).nullable().default(null),
  })
  .strict();

/** The addresses to enter in the LMS when registering the tool. */
function toolUrls(base: string) {
  return {
    loginUrl: `${base}/lti/login`,
    launchUrl: `${base}/lti/launch`,
    deepLinkingUrl: `${base}/lti/launch`,
    jwksUrl: `${base}/lti/jwks.json`,
  };
}

/**
 * LTI administration behind the admin token: platforms (register, list, show with their
 * context → course choices, replace, delete), a context's choice undone, and the tool's keys
 * (list, rotate).
 */
export function ltiAdminRoutes(tool: LtiTool, tokens: () => (string | undefined)[]): Hono {
  const app = new Hono();
  app.use("/admin/lti/*", adminAuth(tokens));
  const requirePlatform = async (c: Context): Promise<LtiPlatform> => {
    const id = c.req.param("id") ?? "";
    const platform = isUuid(id) ? await tool.platforms.find(id) : undefined;
    if (!platform) throw new ApiError(404, "unknown_platform", `no LTI platform ${id.slice(0, 64)}`);
    return platform;
  };

  app.get("/admin/lti/tool", (c) => c.json({ tool: toolUrls(baseUrl(tool, c)) }));
  app.get("/admin/lti/platforms", async (c) => c.json({ platforms: await tool.platforms.list() }));

  app.post("/admin/lti/platforms", async (c) => {
    const fields = await readJsonBody(c, platformSchema);
    const platform = await tool.platforms.create(randomUUID(), fields);
    if (!platform) {
      throw new ApiError(
        409,
        "platform_exists",
        "A platform with this issuer and client id is registered already.",
      );
    }
    c.header("Location", `/admin/lti/platforms/${platform.id}`);
    return c.json({ platform, tool: toolUrls(baseUrl(tool, c)) }, 201);
  });

  app.get("/admin/lti/platforms/:id", async (c) => {
    const platform = await requirePlatform(c);
    return c.json({ platform, contexts: await tool.launches.listContexts(platform.id) });
  });

  app.put("/admin/lti/platforms/:id", async (c) => {
    const existing = await requirePlatform(c);
    const fields = await readJsonBody(c, platformSchema);
    const clash = (await tool.platforms.findByIssuer(fields.issuer, fields.clientId)).some(
      (p) => p.id !== existing.id,
    );
    if (clash) {
      throw new ApiError(
        409,
        "platform_exists",
        "A platform with this issuer and client id is registered already.",
      );
    }
    return c.json({ platform: await tool.platforms.update(existing.id, fields) });
  });

  app.delete("/admin/lti/platforms/:id", async (c) => {
    const platform = await requirePlatform(c);
    await tool.platforms.delete(platform.id);
    return c.json({ deleted: platform.id });
  });

  app.delete("/admin/lti/platforms/:id/contexts/:contextId", async (c) => {
    const platform = await requirePlatform(c);
    const contextId = c.req.param("contextId");
    if (!(await tool.launches.deleteContext(platform.id, contextId))) {
      throw new ApiError(404, "unknown_context", "That LMS context has no course chosen.");
    }
    return c.json({ deleted: contextId });
  });

  app.get("/admin/lti/keys", async (c) => c.json({ keys: await tool.keys.list() }));
  app.post("/admin/lti/keys/rotate", async (c) => c.json({ key: await tool.keys.rotate() }, 201));

  app.onError((error, c) => respondWithError(c, error));
  return app;
}
