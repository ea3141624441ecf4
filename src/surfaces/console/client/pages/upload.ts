import { ApiFailure, api } from "../api.ts";
import { add, h, notice, uid } from "../dom.ts";
import { bytes, plural } from "../format.ts";
import type { IngestionRun } from "../types.ts";

/** What an upload starts: the stored files, the ones set aside, and the ingestion run to follow. */
export interface Started {
  run?: IngestionRun;
  events?: string;
  stored?: { path: string }[];
  ignored?: { path: string; reason: string }[];
}

/**
 * A drop zone that is also a file picker (keyboard users choose files; others may drop a zip or
 * files on it). Holds the files chosen last either way.
 */
function dropZone(): { element: HTMLElement; files: () => File[]; clear: () => void } {
  const inputId = uid("upload");
  const input = h("input", {
    type: "file",
    id: inputId,
    multiple: true,
    accept: ".zip,.md,.markdown,.txt,.html,.htm,.pdf",
    class: "file-input",
  });
  const chosen = h("p", { class: "muted" }, "No files chosen.");
  let dropped: File[] = [];
  const files = () => (dropped.length > 0 ? dropped : Array.from(input.files ?? []));
  const showChosen = () => {
    const list = files();
    chosen.textContent =
      list.length > 0 ? list.map((f) => `${f.name} (${bytes(f.size)})`).join(", ") : "No files chosen.";
  };
  input.addEventListener("change", () => {
    dropped = [];
    showChosen();
  });
  const label = h(
    "label",
    { for: inputId },
    h("strong", {}, "Drop a zip or course files here"),
    h("span", {}, "or choose them"),
  );
  const element = h("div", { class: "drop-zone" }, label, input, chosen);
  element.addEventListener("dragover", (event) => {
    event.preventDefault();
    element.classList.add("over");
  });
  element.addEventListener("dragleave", () => element.classList.remove("over"));
  element.addEventListener("drop", (event) => {
    event.preventDefault();
    element.classList.remove("over");
    dropped = Array.from((event as DragEvent).dataTransfer?.files ?? []);
    showChosen();
  });
  const clear = () => {
    dropped = [];
    input.value = "";
    showChosen();
  };
  return { element, files, clear };
}

/** Uploads the chosen files (a zip is unpacked on the server) and hands the started run to `watch`. */
export function uploadForm(base: string, watch: (started: Started) => void): HTMLElement {
  const zone = dropZone();
  const message = h("div", { class: "form-message" });
  const replace = h("input", { type: "checkbox", id: uid("replace") });
  const form = h(
    "form",
    { class: "stack" },
    zone.element,
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
    const files = zone.files();
    if (files.length === 0) return void add(message, notice("error", "Choose or drop at least one file."));
    const body = new FormData();
    for (const file of files) body.append("files", file, file.name);
    try {
      const mode = replace.checked ? "replace" : "merge";
      const started = await api<Started>("POST", `${base}/material?mode=${mode}`, body);
      const ignored = (started.ignored ?? []).map((i) => `${i.path} (${i.reason})`);
      add(
        message,
        notice(
          "ok",
          `Stored ${plural(started.stored?.length ?? 0, "file")}.`,
          ignored.length > 0 ? ` Ignored: ${ignored.join(", ")}.` : "",
        ),
      );
      zone.clear();
      watch(started);
    } catch (error) {
      add(message, notice("error", error instanceof ApiFailure ? error.message : String(error)));
    }
  });
  return form;
}
