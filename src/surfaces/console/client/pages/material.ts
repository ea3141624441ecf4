import { ApiFailure, api, listen } from "../api.ts";
import { canManage, type PageContext } from "../app.ts";
import { add, fill, h, notice, section, table, uid } from "../dom.ts";
import { bytes, plural, when } from "../format.ts";
import type { DocumentChunk, IngestionRun, MaterialFile } from "../types.ts";

interface Started {
  run?: IngestionRun;
  events?: string;
  stored?: { path: string }[];
  ignored?: { path: string; reason: string }[];
}

const PHASES: Record<string, string> = { scan: "Reading files", embed: "Embedding chunks", write: "Saving" };

/** Uploading, watching ingestion live, each file's status, and how a file was chunked. */
export async function materialPage(ctx: PageContext): Promise<void> {
  const course = ctx.course!.id;
  const base = `/admin/courses/${encodeURIComponent(course)}`;
  const progress = h("div", { class: "progress-area", "aria-live": "polite" });
  const filesArea = h("div");
  const chunksArea = h("div", { class: "chunk-browser" });
  const runsArea = h("div");

  const watch = (started: Started) => {
    if (!started.run || !started.events) return;
    const bar = h("progress", { max: 1, value: 0, "aria-label": "Ingestion progress" });
    const label = h("p", {}, "Ingestion started…");
    fill(progress, h("div", { class: "progress-box", "data-state": "running" }, label, bar));
    listen(started.events, {
      progress: (data) => {
        const step = data as { phase: string; done: number; total: number };
        label.textContent = `${PHASES[step.phase] ?? step.phase}: ${step.done} of ${step.total}`;
        bar.max = Math.max(1, step.total);
        bar.value = step.done;
      },
      done: (data) => {
        const run = (data as { run: IngestionRun }).run;
        const box = progress.querySelector(".progress-box");
        box?.setAttribute("data-state", run.status);
        label.textContent = describeRun(run);
        bar.max = 1;
        bar.value = 1;
        ctx.announce(describeRun(run));
        void refresh();
      },
    });
  };

  const refresh = async () => {
    const [{ files }, { runs }] = await Promise.all([
      api<{ files: MaterialFile[] }>("GET", `${base}/material`),
      api<{ runs: IngestionRun[] }>("GET", `${base}/ingestions`),
    ]);
    fill(
      filesArea,
      filesTable(ctx, base, files, watch, (source) => void showChunks(base, source, chunksArea)),
    );
    fill(
      runsArea,
      table(
        "Recent ingestions",
        ["Started", "Trigger", "Status", "Result"],
        runs.slice(0, 5).map((run) => [when(run.startedAt), run.trigger, run.status, describeRun(run)]),
        { hideCaption: true },
      ),
    );
    const running = runs.find((run) => run.status === "running");
    if (running && !progress.querySelector("[data-state='running']"))
      watch({ run: running, events: `${base}/ingestions/${running.id}/events` });
  };

  add(
    ctx.main,
    canManage(ctx.course) ? section("Upload material", uploadForm(base, watch), progress) : progress,
    section("Files", filesArea),
    chunksArea,
    section("Ingestion history", runsArea),
  );
  await refresh();
}

function describeRun(run: IngestionRun): string {
  if (run.status === "running") return "Ingesting…";
  if (run.status === "failed") return `Ingestion failed: ${run.error ?? "unknown error"}`;
  const s = run.summary;
  if (!s) return "Ingestion finished.";
  const skipped = s.skipped.length > 0 ? `, ${plural(s.skipped.length, "file")} skipped` : "";
  return (
    `Ingestion finished: ${plural(s.documents, "document")}, ${plural(s.chunks, "chunk")} ` +
    `(${s.added} added, ${s.updated} updated, ${s.removed} removed${skipped}).`
  );
}

function uploadForm(base: string, watch: (started: Started) => void): HTMLElement {
  const inputId = uid("upload");
  const input = h("input", {
    type: "file",
    id: inputId,
    multiple: true,
    accept: ".zip,.md,.markdown,.txt,.html,.htm,.pdf",
    class: "file-input",
  });
  const chosen = h("p", { class: "muted", id: `${inputId}-chosen` }, "No files chosen.");
  const message = h("div", { class: "form-message" });
  let dropped: File[] = [];
  const selection = () => (dropped.length > 0 ? dropped : Array.from(input.files ?? []));
  const showChosen = () => {
    const files = selection();
    chosen.textContent =
      files.length > 0 ? files.map((f) => `${f.name} (${bytes(f.size)})`).join(", ") : "No files chosen.";
  };
  input.addEventListener("change", () => {
    dropped = [];
    showChosen();
  });
  const zone = h(
    "div",
    { class: "drop-zone" },
    h(
      "label",
      { for: inputId },
      h("strong", {}, "Drop a zip or course files here"),
      h("span", {}, "or choose them"),
    ),
    input,
    chosen,
  );
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    dropped = Array.from((event as DragEvent).dataTransfer?.files ?? []);
    showChosen();
  });
  const replace = h("input", { type: "checkbox", id: uid("replace") });
  const form = h(
    "form",
    { class: "stack" },
    zone,
    h(
      "div",
      { class: "check" },
      replace,
      h("label", { for: replace.id }, "Replace all material (otherwise files are added or updated)"),
    ),
    h("button", { type: "submit", class: "primary" }, "Upload and ingest"),
    message,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.replaceChildren();
    const files = selection();
    if (files.length === 0) return void add(message, notice("error", "Choose or drop at least one file."));
    const body = new FormData();
    for (const file of files) body.append("files", file, file.name);
    try {
      const mode = replace.checked ? "replace" : "merge";
      const started = await api<Started>("POST", `${base}/material?mode=${mode}`, body);
      const ignored = started.ignored ?? [];
      add(
        message,
        notice(
          "ok",
          `Stored ${plural(started.stored?.length ?? 0, "file")}.`,
          ignored.length > 0 ? ` Ignored: ${ignored.map((i) => `${i.path} (${i.reason})`).join(", ")}.` : "",
        ),
      );
      dropped = [];
      input.value = "";
      showChosen();
      watch(started);
    } catch (error) {
      add(message, notice("error", error instanceof ApiFailure ? error.message : String(error)));
    }
  });
  return form;
}

function filesTable(
  ctx: PageContext,
  base: string,
  files: MaterialFile[],
  watch: (started: Started) => void,
  show: (source: string) => void,
): HTMLElement {
  const manage = canManage(ctx.course);
  const status = (file: MaterialFile) =>
    file.status === "ingested"
      ? h("span", { class: "pill succeeded" }, `${plural(file.document?.chunks ?? 0, "chunk")}`)
      : file.status === "skipped"
        ? h("span", {}, h("span", { class: "pill failed" }, "skipped"), " ", file.skippedBecause ?? "")
        : h("span", { class: "pill running" }, "not ingested yet");
  const remove = async (file: MaterialFile) => {
    if (!confirm(`Remove ${file.path} from the course? The course is ingested again without it.`)) return;
    try {
      const started = await api<Started>(
        "DELETE",
        `${base}/material?path=${encodeURIComponent(file.path)}&ingest=true`,
      );
      ctx.announce(`${file.path} removed.`);
      watch(started);
    } catch (error) {
      ctx.announce(error instanceof ApiFailure ? error.message : String(error));
    }
  };
  return table(
    "Uploaded files",
    ["File", "Size", "Week", "Status", ""],
    files.map((file) => [
      h("code", {}, file.path),
      bytes(file.bytes),
      file.document?.week === null || file.document === undefined ? "–" : String(file.document.week),
      status(file),
      h(
        "span",
        { class: "actions" },
        file.status === "ingested"
          ? h(
              "button",
              {
                type: "button",
                onclick: () => show(file.path),
                "aria-label": `Show the chunks of ${file.path}`,
              },
              "Chunks",
            )
          : null,
        manage
          ? h(
              "button",
              {
                type: "button",
                class: "danger",
                onclick: () => void remove(file),
                "aria-label": `Remove ${file.path}`,
              },
              "Remove",
            )
          : null,
      ),
    ]),
    { hideCaption: true },
  );
}

async function showChunks(base: string, source: string, area: HTMLElement): Promise<void> {
  const { document: doc, chunks } = await api<{
    document: { title: string; format: string; week: number | null };
    chunks: DocumentChunk[];
  }>("GET", `${base}/documents/chunks?source=${encodeURIComponent(source)}`);
  const heading = h("h2", { tabindex: "-1" }, `How ${source} was chunked`);
  fill(
    area,
    h(
      "section",
      { "aria-label": `Chunks of ${source}` },
      heading,
      h(
        "p",
        { class: "muted" },
        `${doc.title} · ${doc.format}${doc.week === null ? "" : ` · week ${doc.week}`} · ${plural(chunks.length, "chunk")}`,
      ),
      h(
        "ol",
        { class: "chunks" },
        chunks.map((chunk) =>
          h(
            "li",
            {},
            h(
              "p",
              { class: "chunk-head" },
              chunk.headingPath.join(" › ") || chunk.heading || doc.title,
              chunk.locator ? ` (${chunk.locator})` : "",
              h("span", { class: "muted" }, ` · ${chunk.text.length} characters`),
            ),
            h("pre", {}, chunk.text),
          ),
        ),
      ),
    ),
  );
  heading.focus();
}
