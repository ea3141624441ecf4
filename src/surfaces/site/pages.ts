import { readFileSync } from "node:fs";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { slugify } from "../../answer/citations.ts";
import { safeHref } from "../widget/index.ts";
import type { CourseSummary, DocumentSummary } from "./documents.ts";
import type { PageSection } from "./sections.ts";

/**
 * The demo site: a course home page listing the material and one page per document, each with the
 * widget on it. Every value goes through hono's `html` tag, which escapes it, so ingested text
 * and front matter are shown as text, never interpreted as markup.
 */
type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Pages only load their own script and styles; nothing injected could run even if it slipped in. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join("; ");

/** The pages' stylesheet, kept as data beside this module. */
const STYLE = `\n${readFileSync(new URL("./site.css.txt", import.meta.url), "utf8")}`;

interface LayoutInput {
  title: string;
  /** The course whose widget the page carries; none on error pages of unknown courses. */
  course?: CourseSummary;
  body: Html;
}

function layout({ title, course, body }: LayoutInput): Html {
  const label = course ? courseLabel(course) : "Course Tutor";
  const home = html`<a href="${course ? coursePath(course.id) : "/"}">${label}</a>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top">${home}<small>Course material · with the Course Tutor</small></header>
<main class="wrap" id="main">
${body}
</main>
${course ? html`<script src="/widget.js" data-course="${course.id}" data-title="${label}" defer></script>` : ""}
</body>
</html>`;
}

export function courseLabel(course: CourseSummary): string {
  return course.title.trim() || course.id.toUpperCase();
}

export function coursePath(course: string): string {
  return `/course/${encodeURIComponent(course)}`;
}

/** Where a document's page lives: its front-matter url when that is a local path, else by source. */
export function documentPath(course: string, doc: Pick<DocumentSummary, "url" | "source">): string {
  if (doc.url?.startsWith("/") && !doc.url.startsWith("//") && safeHref(doc.url))
    return doc.url.split("#")[0] ?? doc.url;
  return `${coursePath(course)}/${doc.source.split("/").map(encodeURIComponent).join("/")}`;
}

export function courseHomePage(input: {
  course: CourseSummary;
  documents: readonly DocumentSummary[];
  widgetUrl: string;
}): Html {
  const { course, documents } = input;
  const weekly = documents.filter((doc) => doc.week !== null);
  const other = documents.filter((doc) => doc.week === null);
  const item = (doc: DocumentSummary) => {
    const link = html`<a href="${documentPath(course.id, doc)}">${doc.title || doc.source}</a>`;
    return html`<li>${link}<span class="meta">${doc.source} · ${doc.format}</span></li>`;
  };
  const ingestHint = html`<code>tutor ingest DIR --course ${course.id}</code>`;
  const snippet = `<script src="${input.widgetUrl}" data-course="${course.id}" defer></script>`;
  return layout({
    title: `${courseLabel(course)} · Course Tutor demo`,
    course,
    body: html`<h1 id="${slugify(courseLabel(course))}">${courseLabel(course)}</h1>
<p class="lead">This page shows the course's material with the Course Tutor widget on it. Open
<strong>Ask the tutor</strong> in the corner and ask about anything below: answers quote the
material and link to the section they come from.</p>
${
  weekly.length > 0
    ? html`<h2 id="weekly-notes">Weekly notes</h2>
<ul class="docs">${weekly.map(item)}</ul>`
    : ""
}
${
  other.length > 0
    ? html`<h2 id="course-documents">Course documents</h2>
<ul class="docs">${other.map(item)}</ul>`
    : ""
}
${documents.length === 0 ? html`<p>This course has no material yet. Ingest a folder with ${ingestHint}.</p>` : ""}
<h2 id="embed">Put the tutor on your course site</h2>
<p>Add one line to any page, and list the site's address in the course's allowed origins:</p>
<pre><code>${snippet}</code></pre>`,
  });
}

export function documentPage(input: {
  course: CourseSummary;
  document: DocumentSummary;
  sections: readonly PageSection[];
}): Html {
  const { course, document: doc, sections } = input;
  const title = doc.title || doc.source;
  return layout({
    title: `${title} · ${courseLabel(course)}`,
    course,
    body: html`<p class="crumbs"><a href="${coursePath(course.id)}">${courseLabel(course)}</a> › ${title}</p>
<article>
<h1 id="${slugify(title)}">${title}</h1>
<p class="meta">${doc.source}${doc.week !== null ? ` · week ${doc.week}` : ""}</p>
${sections.map(
  (section) => html`${section.headings.map((heading) => headingTag(heading.level, heading.text, heading.id))}
${section.locator ? html`<p class="locator">${section.locator}</p>` : ""}
${section.paragraphs.map((lines) => html`<p>${lines.map((line, i) => (i === 0 ? line : html`<br>${line}`))}</p>`)}`,
)}
</article>`,
  });
}

export function notFoundPage(course: CourseSummary | undefined, what: string): Html {
  const backLink = html`<a href="${course ? coursePath(course.id) : "/"}">Back to the course</a>`;
  return layout({
    title: "Not found",
    course,
    body: html`<h1>Not found</h1><p>${what}</p><p>${backLink}</p>`,
  });
}

function headingTag(level: number, text: string, id: string | undefined): Html {
  const idAttr = id ? html` id="${id}"` : "";
  switch (level) {
    case 2:
      return html`<h2${idAttr}>${text}</h2>`;
    case 3:
      return html`<h3${idAttr}>${text}</h3>`;
    case 4:
      return html`<h4${idAttr}>${text}</h4>`;
    case 5:
      return html`<h5${idAttr}>${text}</h5>`;
    default:
      return html`<h6${idAttr}>${text}</h6>`;
  }
}
