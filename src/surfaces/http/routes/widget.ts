import { type Context, Hono } from "hono";
import type { CoursePolicySource } from "../../../core/chat.ts";
import type { Queryable } from "../../../db/db.ts";
import {
  CourseMaterial,
  courseHomePage,
  createSections,
  documentPage,
  notFoundPage,
  PAGE_CSP,
} from "../../site/index.ts";
import { bundleWidget, createWidgetBundleCache, type WidgetBundle } from "../../widget/index.ts";
import { courseIdSchema } from "../schemas.ts";

export interface WidgetRouteDeps {
  db: Queryable;
  defaultCourse: string;
  /** The tutor's public address; the embed snippet on the demo page uses it when set. */
  publicBaseUrl?: string;
  /** Supplies the bundle; defaults to building src/surfaces/widget once per process. */
  bundle?: () => Promise<WidgetBundle>;
  /** Courses' release schedules and archiving: unreleased weeks and archived courses have no pages. */
  coursePolicy?: CoursePolicySource;
}

/**
 * `GET /widget.js` (the embeddable widget), `GET /` (a demo page: the default course's material
 * with the widget on it) and `GET /course/:course/…` (one page per document, which is where
 * citation links point).
 */
export function widgetRoutes(deps: WidgetRouteDeps): Hono {
  const app = new Hono();
  const bundle = deps.bundle ?? createWidgetBundleCache(() => bundleWidget());
  const material = new CourseMaterial(deps.db);
  // Build while the server starts so the first visitor does not wait for esbuild.
  bundle().catch(() => {});

  app.get("/widget.js", async (c) => {
    const { code, etag } = await bundle();
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Cache-Control", "public, max-age=300");
    c.header("ETag", etag);
    // Any site may load the script; what it can do is governed by the course's allowed origins.
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Cross-Origin-Resource-Policy", "cross-origin");
    c.header("X-Content-Type-Options", "nosniff");
    if (c.req.header("if-none-match") === etag) return c.body(null, 304);
    return c.body(code);
  });

  const page = (c: Context, body: Parameters<Context["html"]>[0], status: 200 | 404 = 200) => {
    c.header("Content-Security-Policy", PAGE_CSP);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "same-origin");
    return c.html(body, status);
  };

  /** The course the address names, unless it is archived, with the latest week students may see. */
  const publishedCourse = async (id: string | undefined) => {
    const parsed = courseIdSchema.safeParse(id);
    const course = parsed.success ? await material.course(parsed.data) : undefined;
    if (!course) return undefined;
    const policy = (await deps.coursePolicy?.policyFor(course.id)) ?? {};
    if (policy.archived) return undefined;
    const visible = (week: number | null) =>
      week === null || policy.week === undefined || week <= policy.week;
    return { course, visible };
  };

  const home = async (c: Context, courseParam: string | undefined) => {
    const published = await publishedCourse(courseParam ?? deps.defaultCourse);
    if (!published) return page(c, notFoundPage(undefined, "There is no course with that name."), 404);
    const { course, visible } = published;
    const origin = deps.publicBaseUrl ?? new URL(c.req.url).origin;
    return page(
      c,
      courseHomePage({
        course,
        documents: (await material.documents(course.id)).filter((doc) => visible(doc.week)),
        widgetUrl: new URL("/widget.js", origin).toString(),
      }),
    );
  };

  app.get("/", (c) => home(c, c.req.query("course")));
  app.get("/course/:course", (c) => home(c, c.req.param("course")));
  app.get("/course/:course/*", async (c) => {
    const published = await publishedCourse(c.req.param("course"));
    if (!published) return page(c, notFoundPage(undefined, "There is no course with that name."), 404);
    const { course, visible } = published;
    const prefix = `/course/${course.id}/`;
    let source: string;
    try {
      source = decodeURIComponent(c.req.path.startsWith(prefix) ? c.req.path.slice(prefix.length) : "");
    } catch {
      source = "";
    }
    const doc = await material.findDocument(course.id, c.req.path, source);
    if (!doc || !visible(doc.week))
      return page(c, notFoundPage(course, "This course has no page at that address."), 404);
    const chunks = await material.chunks(doc.id);
    return page(c, documentPage({ course, document: doc, sections: createSections(doc.title, chunks) }));
  });

  return app;
}
