/** Where the console is: the part of the address after `#`, so reloading or sharing a link keeps the view. */

export const COURSE_TABS = [
  "overview",
  "material",
  "playground",
  "evals",
  "insights",
  "questions",
  "staff",
  "settings",
] as const;
export type CourseTab = (typeof COURSE_TABS)[number];

export type Route =
  | { name: "courses" }
  | { name: "people" }
  | { name: "sign-in" }
  | { name: "accept"; token: string }
  | { name: "course"; course: string; tab: CourseTab }
  | { name: "eval-report"; course: string; run: string }
  | { name: "eval-compare"; course: string; base: string; candidate: string };

export function parseHash(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, "")
    .split("/")
    .filter(Boolean)
    .map((part) => decodeURIComponent(part));
  const [first, second, third, fourth, fifth] = parts;
  if (first === "people") return { name: "people" };
  if (first === "sign-in") return { name: "sign-in" };
  if (first === "accept" && second) return { name: "accept", token: second };
  if (first === "courses" && second) {
    if (third === "evals" && fourth === "compare" && fifth && parts[5])
      return { name: "eval-compare", course: second, base: fifth, candidate: parts[5] };
    if (third === "evals" && fourth) return { name: "eval-report", course: second, run: fourth };
    const tab = COURSE_TABS.find((t) => t === third) ?? "overview";
    return { name: "course", course: second, tab };
  }
  return { name: "courses" };
}

export function courseHref(course: string, tab: CourseTab = "overview"): string {
  return `#/courses/${encodeURIComponent(course)}/${tab}`;
}

export function go(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = hash;
}
