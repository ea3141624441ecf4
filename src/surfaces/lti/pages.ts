import { readFileSync } from "node:fs";
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/**
 * The pages an LMS shows in its frame: the full-page chat (the widget's bundle in its page
 * layout), the instructor's view, the course choice, the deep-linking picker and the errors.
 * Every value goes through hono's `html` tag, which escapes it.
 */
type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const STYLE = readFileSync(new URL("./lti.css.txt", import.meta.url), "utf8");

/** Pages live inside the LMS's frame, whatever its address; they load only their own script. */
export function ltiPageCsp(extra: { formAction?: string; scriptNonce?: string } = {}): string {
  return [
    "default-src 'self'",
    extra.scriptNonce ? `script-src 'nonce-${extra.scriptNonce}'` : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${extra.formAction ? `'self' ${extra.formAction}` : "'self'"}`,
    // An LMS frames the tool from its own domain, which a registration does not always name.
    "frame-ancestors *",
  ].join("; ");
}

function layout(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
${body}
</body>
</html>`;
}

export interface ChatPageInput {
  course: { id: string; title: string };
  sessionId: string;
  contextTitle: string;
  /** Shown above the chat to instructors and teaching assistants. */
  staff?: { consoleUrl: string };
}

/** The course's tutor filling the frame, signed into the launch's session. */
export function chatPage(input: ChatPageInput): Html {
  const label = input.course.title.trim() || input.course.id.toUpperCase();
  const where = input.contextTitle ? ` · ${input.contextTitle}` : "";
  const staff = input.staff
    ? html`<section class="staff" aria-labelledby="staff-title">
<h2 id="staff-title">Instructor view</h2>
<ul>
<li>Students who open this link get the chat below, answered from the material of
<strong>${label}</strong>, with sources.</li>
<li><a href="${input.staff.consoleUrl}" target="_blank" rel="noopener">Open the instructor console</a>
to manage the material, try the tutor, run evaluations and see what students ask.</li>
<li>Ask a question below to see exactly what students see.</li>
</ul>
</section>`
    : "";
  return layout(
    `${label} · Course tutor`,
    html`<div class="app">
<header class="bar"><h1>${label}</h1><small>Course tutor${where}</small></header>
${staff}
<main class="chat" id="tutor-chat"></main>
</div>
<script src="/widget.js" data-course="${input.course.id}" data-title="${label}" data-layout="page"
  data-mount="#tutor-chat" data-session="${input.sessionId}" defer></script>`,
  );
}

export interface CourseChoiceInput {
  contextTitle: string;
  courses: readonly { id: string; title: string }[];
  token: string;
  selected?: string;
}

function courseOptions(input: CourseChoiceInput): Html {
  return html`${input.courses.map((course) => {
    const label = course.title.trim() ? `${course.title.trim()} (${course.id})` : course.id;
    const selected = course.id === input.selected ? html` selected` : "";
    return html`<option value="${course.id}"${selected}>${label}</option>`;
  })}`;
}

/** An instructor's first launch in a context: which course the tutor answers from here. */
export function setupPage(input: CourseChoiceInput): Html {
  return layout(
    "Set up the course tutor",
    html`<main class="card">
<h1>Set up the course tutor</h1>
<p>Choose which course's material the tutor answers from in
<strong>${input.contextTitle || "this course"}</strong>. Students launching the tutor here will use it;
you choose once.</p>
<form method="post" action="/lti/setup">
<input type="hidden" name="token" value="${input.token}">
<label for="course">Course</label>
<select id="course" name="course" required>${courseOptions(input)}</select>
<button type="submit">Use this course</button>
</form>
</main>`,
  );
}

/** The deep-linking picker: add the tutor to a module of the LMS course. */
export function deepLinkPage(input: CourseChoiceInput & { title: string }): Html {
  return layout(
    "Add the course tutor",
    html`<main class="card">
<h1>Add the course tutor</h1>
<p>This adds a link to the tutor in <strong>${input.contextTitle || "your course"}</strong>.
Students who open it chat with the tutor about the chosen course's material.</p>
<form method="post" action="/lti/deep-link">
<input type="hidden" name="token" value="${input.token}">
<label for="course">Course</label>
<select id="course" name="course" required>${courseOptions(input)}</select>
<label for="title">Link title</label>
<input type="text" id="title" name="title" value="${input.title}" maxlength="200" required>
<button type="submit">Add to the course</button>
</form>
</main>`,
  );
}

/** What a learner sees before an instructor has chosen the course. */
export function notSetUpPage(contextTitle: string): Html {
  return layout(
    "The course tutor is not set up yet",
    html`<main class="card">
<h1>The course tutor is not set up yet</h1>
<p>Your instructor has not yet chosen which course material the tutor answers
from${contextTitle ? html` in <strong>${contextTitle}</strong>` : ""}.</p>
<p>Please try again later, or let your instructor know: they set it up by opening this link once.</p>
</main>`,
  );
}

export function errorPage(input: { title: string; message: string; code: string }): Html {
  return layout(
    input.title,
    html`<main class="card" role="alert">
<h1>${input.title}</h1>
<p>${input.message}</p>
<p class="code">Error code: <span data-code="${input.code}">${input.code}</span></p>
</main>`,
  );
}

/** Posts a form to the LMS at once (the deep-linking response); a button does it without scripts. */
export function autoPostPage(input: {
  action: string;
  fields: Record<string, string>;
  scriptNonce: string;
}): Html {
  return layout(
    "Returning to your course",
    html`<main class="card">
<h1>Returning to your course…</h1>
<form method="post" action="${input.action}" id="lti-return">
${Object.entries(input.fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
<button type="submit">Continue</button>
</form>
</main>
<script nonce="${input.scriptNonce}">document.getElementById("lti-return").submit();</script>`,
  );
}
