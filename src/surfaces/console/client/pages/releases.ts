import { field, h } from "../dom.ts";

interface Release {
  week: number;
  from: string;
}

/**
 * The week release schedule: one row per week with the date its material opens to students, and
 * a helper that fills weekly dates from a first date.
 */
export function releaseEditor(
  initial: Release[],
  visibleWeek: number | null,
): { element: HTMLElement; value: () => Release[] } {
  const body = h("tbody");
  const addRow = (release: Release) => {
    const week = h("input", { type: "number", min: 0, max: 60, value: release.week, "aria-label": "Week" });
    const from = h("input", {
      type: "date",
      value: release.from.slice(0, 10),
      "aria-label": `Week ${release.week} opens on`,
    });
    week.addEventListener("input", () => from.setAttribute("aria-label", `Week ${week.value} opens on`));
    const row = h(
      "tr",
      {},
      h("td", {}, week),
      h("td", {}, from),
      h("td", {}, h("button", { type: "button", class: "link", onclick: () => row.remove() }, "Remove")),
    );
    body.append(row);
  };
  for (const release of initial) addRow(release);
  const first = h("input", { type: "date" });
  const count = h("input", { type: "number", min: 1, max: 60, value: 14 });
  const fillWeekly = () => {
    if (!first.value) return;
    body.replaceChildren();
    const start = Date.parse(`${first.value}T00:00:00Z`);
    for (let w = 1; w <= Number(count.value); w++)
      addRow({ week: w, from: new Date(start + (w - 1) * 7 * 86_400_000).toISOString().slice(0, 10) });
  };
  const nextWeek = () => {
    const weeks = Array.from(body.querySelectorAll<HTMLInputElement>("input[type=number]")).map((i) =>
      Number(i.value),
    );
    return weeks.length > 0 ? Math.max(...weeks) + 1 : 1;
  };
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
    h(
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
    ),
    h(
      "div",
      { class: "row" },
      h(
        "button",
        {
          type: "button",
          onclick: () => addRow({ week: nextWeek(), from: new Date().toISOString().slice(0, 10) }),
        },
        "Add a week",
      ),
      field("First week opens on", first),
      field("Weeks", count),
      h("button", { type: "button", onclick: fillWeekly }, "Fill weekly"),
    ),
  );
  const value = () =>
    Array.from(body.querySelectorAll("tr"))
      .map((row) => {
        const [week, from] = Array.from(row.querySelectorAll("input"));
        return { week: Number(week?.value), from: from?.value ?? "" };
      })
      .filter((r) => Number.isInteger(r.week) && r.from !== "");
  return { element, value };
}
