import { field, h } from "../dom.ts";

interface Release {
  week: number;
  from: string;
}

const DAY_MS = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);

/** The schedule's rows: one per week, with the date its material opens; editable and removable. */
function releaseRows(initial: Release[]) {
  const body = h("tbody");
  const add = (release: Release) => {
    const week = h("input", { type: "number", min: 0, max: 60, value: release.week, "aria-label": "Week" });
    const from = h("input", { type: "date", value: release.from.slice(0, 10) });
    const labelFrom = () => from.setAttribute("aria-label", `Week ${week.value} opens on`);
    labelFrom();
    week.addEventListener("input", labelFrom);
    const remove = h("button", { type: "button", class: "link" }, "Remove");
    const row = h("tr", {}, h("td", {}, week), h("td", {}, from), h("td", {}, remove));
    remove.addEventListener("click", () => row.remove());
    body.append(row);
  };
  for (const release of initial) add(release);
  const value = (): Release[] =>
    Array.from(body.querySelectorAll("tr"))
      .map((row) => {
        const [week, from] = Array.from(row.querySelectorAll("input"));
        return { week: Number(week?.value), from: from?.value ?? "" };
      })
      .filter((r) => Number.isInteger(r.week) && r.from !== "");
  const nextWeek = () => Math.max(0, ...value().map((r) => r.week)) + 1;
  const table = h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      {},
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Week"),
          h("th", { scope: "col" }, "Visible from"),
          h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Actions")),
        ),
      ),
      body,
    ),
  );
  return { table, body, add, value, nextWeek };
}

/**
 * The week release schedule: one row per week with the date its material opens to students, and
 * a helper that fills weekly dates from a first date.
 */
export function releaseEditor(
  initial: Release[],
  visibleWeek: number | null,
): { element: HTMLElement; value: () => Release[] } {
  const rows = releaseRows(initial);
  const first = h("input", { type: "date" });
  const count = h("input", { type: "number", min: 1, max: 60, value: 14 });
  const fillWeekly = () => {
    if (!first.value) return;
    rows.body.replaceChildren();
    const start = Date.parse(`${first.value}T00:00:00Z`);
    for (let w = 1; w <= Number(count.value); w++)
      rows.add({ week: w, from: new Date(start + (w - 1) * 7 * DAY_MS).toISOString().slice(0, 10) });
  };
  const addWeek = h("button", { type: "button" }, "Add a week");
  addWeek.addEventListener("click", () => rows.add({ week: rows.nextWeek(), from: today() }));
  const element = h(
    "div",
    {},
    h(
      "p",
      {},
      "Students see a week's material from its date on (material without a week, like the syllabus, always). ",
      "Evals and the playground see everything. ",
      visibleWeek === null
        ? "No schedule: every week is visible."
        : h("strong", {}, `Right now students see weeks up to ${visibleWeek}.`),
    ),
    rows.table,
    h(
      "div",
      { class: "row" },
      addWeek,
      field("First week opens on", first),
      field("Weeks", count),
      h("button", { type: "button", onclick: fillWeekly }, "Fill weekly"),
    ),
  );
  return { element, value: rows.value };
}
