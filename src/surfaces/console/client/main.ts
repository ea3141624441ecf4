import { api } from "./api.ts";
import { courseHeader, frame, loadSession, type PageContext, visibleTabs } from "./app.ts";
import { add, h, notice } from "./dom.ts";
import { coursesPage } from "./pages/courses.ts";
import { evalComparePage, evalReportPage } from "./pages/eval-report.ts";
import { evalsPage } from "./pages/evals.ts";
import { insightsPage } from "./pages/insights.ts";
import { materialPage } from "./pages/material.ts";
import { overviewPage } from "./pages/overview.ts";
import { playgroundPage } from "./pages/playground.ts";
import { questionsPage } from "./pages/questions.ts";
import { settingsPage } from "./pages/settings.ts";
import { acceptPage, signInPage } from "./pages/sign-in.ts";
import { courseStaffPage, peoplePage } from "./pages/staff.ts";
import { type CourseTab, go, parseHash } from "./router.ts";
import type { CourseListing } from "./types.ts";

type CoursePage = (ctx: PageContext) => Promise<void>;

const COURSE_PAGES: Record<CourseTab, CoursePage> = {
  overview: overviewPage,
  material: materialPage,
  playground: playgroundPage,
  evals: evalsPage,
  insights: insightsPage,
  questions: questionsPage,
  staff: courseStaffPage,
  settings: settingsPage,
};

let rendering = 0;

/** Draws the view the address names; each navigation redraws the page and moves focus to its heading. */
async function render(): Promise<void> {
  const ticket = ++rendering;
  const route = parseHash(location.hash);
  const session = await loadSession();
  if (ticket !== rendering) return;
  if (!session && route.name !== "accept" && route.name !== "sign-in") return go("#/sign-in");
  if (session && route.name === "sign-in") return go("#/");
  const { main, status } = frame(session, route);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ctx: PageContext = {
    route,
    session: session ?? {
      user: { kind: "user", admin: false, courses: [] },
      csrfToken: null,
      llmAvailable: false,
    },
    main,
    announce(message) {
      status.textContent = message;
      clearTimeout(timer);
      timer = setTimeout(() => {
        status.textContent = "";
      }, 8_000);
    },
    refresh: () => void render(),
  };
  try {
    await draw(ctx);
  } catch (error) {
    main.append(notice("error", error instanceof Error ? error.message : String(error)));
  }
  document.title = `${main.querySelector("h1")?.textContent ?? "Console"} · Course Tutor console`;
  (main.querySelector("h1") as HTMLElement | null)?.focus();
}

async function draw(ctx: PageContext): Promise<void> {
  const { route } = ctx;
  if (route.name === "sign-in") return signInPage(ctx);
  if (route.name === "accept") return acceptPage(ctx, route.token);
  if (route.name === "courses") return coursesPage(ctx);
  if (route.name === "people") return peoplePage(ctx);
  const { courses } = await api<{ courses: CourseListing[] }>("GET", "/admin/courses");
  const course = courses.find((c) => c.id === route.course);
  if (!course) {
    add(
      ctx.main,
      h("h1", { tabindex: "-1" }, "Course not found"),
      notice("error", "There is no such course, or you are not on its staff."),
    );
    return;
  }
  ctx.course = course;
  if (route.name === "eval-report") {
    add(ctx.main, courseHeader(course, "evals"));
    return evalReportPage(ctx, route.run);
  }
  if (route.name === "eval-compare") {
    add(ctx.main, courseHeader(course, "evals"));
    return evalComparePage(ctx, route.base, route.candidate);
  }
  const tab = visibleTabs(course.role).includes(route.tab) ? route.tab : "overview";
  add(ctx.main, courseHeader(course, tab));
  return COURSE_PAGES[tab](ctx);
}

window.addEventListener("hashchange", () => void render());
void render();
