import { api, setCsrfToken } from "./api.ts";
import { fill, h } from "./dom.ts";
import { COURSE_TABS, type CourseTab, courseHref, go, parseHash, type Route } from "./router.ts";
import type { CourseListing, Session } from "./types.ts";

/** What every page gets: where it is, who is signed in, where to draw, and how to tell screen readers. */
export interface PageContext {
  route: Route;
  session: Session;
  main: HTMLElement;
  /** Says something to screen readers (and shows it briefly) without moving focus. */
  announce(message: string): void;
  /** The course of a course page, with the viewer's role in it. */
  course?: CourseListing;
  refresh(): void;
}

const TAB_LABELS: Record<CourseTab, string> = {
  overview: "Overview",
  material: "Material",
  playground: "Try it",
  evals: "Evals",
  insights: "Insights",
  questions: "Questions for staff",
  staff: "Staff",
  settings: "Settings",
};

/** Tabs that change a course: hidden from TAs (the server refuses them too). */
const MANAGE_TABS: ReadonlySet<CourseTab> = new Set(["staff", "settings"]);

export function visibleTabs(role: CourseListing["role"]): CourseTab[] {
  return COURSE_TABS.filter((tab) => role !== "ta" || !MANAGE_TABS.has(tab));
}

export function canManage(course: CourseListing | undefined): boolean {
  return course?.role === "admin" || course?.role === "instructor";
}

export async function loadSession(): Promise<Session | null> {
  try {
    const session = await api<Session>("GET", "/admin/auth/me");
    setCsrfToken(session.csrfToken);
    return session;
  } catch {
    setCsrfToken(null);
    return null;
  }
}

/** The page frame: header with the signed-in person, the main region and a live region. */
export function frame(session: Session | null, route: Route): { main: HTMLElement; status: HTMLElement } {
  const root = document.getElementById("app") as HTMLElement;
  const main = h("main", { id: "main", tabindex: "-1" });
  const status = h("div", { class: "live", role: "status", "aria-live": "polite" });
  const nav = session
    ? h(
        "nav",
        { "aria-label": "Console" },
        h("a", { href: "#/", "aria-current": route.name === "courses" ? "page" : undefined }, "Courses"),
        session.user.admin || session.user.courses.some((m) => m.role === "instructor")
          ? h(
              "a",
              { href: "#/people", "aria-current": route.name === "people" ? "page" : undefined },
              "People",
            )
          : null,
      )
    : null;
  const who = session
    ? h(
        "div",
        { class: "who" },
        h("span", {}, session.user.name || session.user.email || "Admin token"),
        session.user.admin ? h("span", { class: "badge" }, "admin") : null,
        h("button", { type: "button", class: "link", onclick: () => void signOut() }, "Sign out"),
      )
    : null;
  fill(
    root,
    h("header", { class: "top" }, h("a", { class: "brand", href: "#/" }, "Course Tutor console"), nav, who),
    main,
    status,
  );
  return { main, status };
}

async function signOut(): Promise<void> {
  await api("POST", "/admin/auth/logout").catch(() => undefined);
  setCsrfToken(null);
  go("#/sign-in");
}

/** A course page's heading and its tabs (a navigation landmark; the current tab is marked). */
export function courseHeader(course: CourseListing, tab: CourseTab): HTMLElement {
  return h(
    "div",
    { class: "course-head" },
    h(
      "h1",
      { tabindex: "-1" },
      course.title || course.id,
      " ",
      h("span", { class: "course-id" }, course.id),
      course.archived ? h("span", { class: "badge warn" }, "archived") : null,
      course.role ? h("span", { class: "badge" }, course.role === "ta" ? "TA" : course.role) : null,
    ),
    h(
      "nav",
      { class: "tabs", "aria-label": "Course" },
      visibleTabs(course.role).map((t) =>
        h(
          "a",
          { href: courseHref(course.id, t), "aria-current": t === tab ? "page" : undefined },
          TAB_LABELS[t],
        ),
      ),
    ),
  );
}

export { parseHash };
