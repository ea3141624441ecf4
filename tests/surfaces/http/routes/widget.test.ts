import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slugify } from "../../../../src/answer/citations.ts";
import type { Db } from "../../../../src/db/db.ts";
import { widgetRoutes } from "../../../../src/surfaces/http/routes/widget.ts";
import { bundleWidget, createWidgetBundleCache } from "../../../../src/surfaces/widget/build.ts";
import { openSeededDb } from "../../../helpers/db.ts";

let db: Db;
let app: Hono;

beforeAll(async () => {
  db = await openSeededDb();
  app = new Hono();
  app.route(
    "/",
    widgetRoutes({ db, defaultCourse: "aie101", bundle: createWidgetBundleCache(() => bundleWidget()) }),
  );
});
afterAll(async () => db.close());

describe("GET /widget.js", () => {
  it("serves the bundle with caching headers and answers 304 to a matching ETag", async () => {
    const response = await app.request("/widget.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const etag = response.headers.get("etag") ?? "";
    expect(etag).toMatch(/^".+"$/);
    expect((await response.text()).length).toBeGreaterThan(5_000);
    const again = await app.request("/widget.js", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });
});

describe("demo and course pages", () => {
  it("shows the default course's material with the widget on it at /", async () => {
    const response = await app.request("http://tutor.test/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    const page = await response.text();
    expect(page).toContain('<script src="/widget.js" data-course="aie101"');
    const { rows } = await db.query<{ url: string }>("SELECT url FROM documents WHERE course_id = 'aie101'");
    expect(rows.length).toBeGreaterThan(10);
    for (const { url } of rows) expect(page).toContain(`href="${url}"`);
    expect(page).toContain("&lt;script src=&quot;http://tutor.test/widget.js&quot;");
  });

  it("renders every document page with the anchors its citations point at", async () => {
    const { rows: documents } = await db.query<{ id: string; url: string; title: string }>(
      "SELECT id::text AS id, url, title FROM documents WHERE course_id = 'aie101' ORDER BY source",
    );
    for (const doc of documents) {
      const response = await app.request(doc.url);
      expect(response.status, doc.url).toBe(200);
      const page = await response.text();
      const { rows: headings } = await db.query<{ heading: string }>(
        "SELECT DISTINCT heading FROM chunks WHERE document_id = $1",
        [doc.id],
      );
      for (const { heading } of headings)
        expect(page, `${doc.url}#${slugify(heading)}`).toContain(`id="${slugify(heading)}"`);
    }
  });

  it("shows each sentence of a document once, even where chunks overlap", async () => {
    // Chunks that open with the closing words of the chunk before them (the chunker's overlap).
    const { rows: overlaps } = await db.query<{ url: string; shared: string }>(
      `SELECT d.url, left(c2.text, 80) AS shared
         FROM chunks c1 JOIN chunks c2 ON c2.document_id = c1.document_id AND c2.ord = c1.ord + 1
         JOIN documents d ON d.id = c1.document_id
        WHERE c1.course_id = 'aie101' AND c1.heading_path = c2.heading_path
          AND position(left(c2.text, 80) IN c1.text) > 0`,
    );
    expect(overlaps.length).toBeGreaterThan(0);
    const escapeHtml = (text: string) =>
      text.replace(
        /[&<>'"]/g,
        (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&#39;", '"': "&quot;" })[ch] ?? ch,
      );
    for (const { url, shared } of overlaps.slice(0, 5)) {
      const page = await (await app.request(url)).text();
      expect(page.split(escapeHtml(shared)).length - 1, `${url}: ${shared}`).toBe(1);
    }
  });

  it("finds documents by source path too, and answers unknown courses and pages with 404 pages", async () => {
    const bySource = await app.request("/course/aie101/week-09/notes.md");
    expect(bySource.status).toBe(200);
    expect(await bySource.text()).toContain("Monitoring, Drift and Retraining");
    for (const path of [
      "/course/aie101/week-99",
      "/course/nope/week-01",
      "/?course=nope",
      "/?course=../../etc",
      "/course/aie101/%E0%A4%A",
    ]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type")).toContain("text/html");
    }
  });
});
