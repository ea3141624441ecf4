import { ApiFailure, api, listen } from "../api.ts";
import { canManage, type PageContext } from "../app.ts";
import { add, fill, h, section, table } from "../dom.ts";
import { bytes, plural, when } from "../format.ts";
import type { DocumentChunk, IngestionRun, MaterialFile } from "../types.ts";
import { type Started, uploadForm } from "./upload.ts";

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
        [doc.title, doc.format, doc.week === null ? "" : `week ${doc.week}`, plural(chunks.length, "chunk")]
          .filter(Boolean)
          .join(" · "),
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
