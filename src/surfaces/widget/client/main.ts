import { createTutorClient } from "./api.ts";
import { ConversationMemory, PanelMemory } from "./store.ts";
import { WIDGET_CSS } from "./styles.ts";
import { mountWidget } from "./widget.ts";

/**
 * Entry point of widget.js. A course page includes
 *   <script src="https://TUTOR/widget.js" data-course="aie101" defer></script>
 * and gets a launcher button and a chat panel inside a shadow root, isolated from the page's CSS.
 * Optional attributes: data-title (the course name in the header); data-layout="page" with
 * data-mount (a CSS selector) fills that element with an always-open chat; data-session continues
 * a session the page signed the student into.
 */
const HOST_ATTRIBUTE = "data-course-tutor";

function findOwnScript(): HTMLScriptElement | undefined {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  // Scripts injected later (tag managers) have no currentScript; find ours by its attributes.
  const candidates = document.querySelectorAll<HTMLScriptElement>("script[src][data-course]");
  for (const script of Array.from(candidates)) if (/\/widget\.js(?:[?#]|$)/.test(script.src)) return script;
  return candidates[0];
}

function start(script: HTMLScriptElement): void {
  const course = script.dataset.course?.trim() || "aie101";
  if (document.querySelector(`[${HOST_ATTRIBUTE}="${CSS.escape(course)}"]`)) return;
  // Relative API paths resolve against the folder widget.js was served from.
  const base = new URL("./", script.src || window.location.href).toString();

  const layout = script.dataset.layout === "page" ? "page" : "floating";
  const sessionId = script.dataset.session?.trim() || undefined;
  const mount = (script.dataset.mount && document.querySelector(script.dataset.mount)) || document.body;
  const host = document.createElement("div");
  if (layout === "page") host.style.cssText = "display:block;height:100%";
  host.setAttribute(HOST_ATTRIBUTE, course);
  const root = host.attachShadow({ mode: "open" });
  if (
    "adoptedStyleSheets" in root &&
    typeof CSSStyleSheet !== "undefined" &&
    "replaceSync" in CSSStyleSheet.prototype
  ) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement("style");
    style.textContent = WIDGET_CSS;
    root.appendChild(style);
  }
  mount.appendChild(host);

  // Reading either storage throws where the page's storage is blocked; the widget then forgets.
  const storage = safely(() => window.localStorage);
  const tabStorage = safely(() => window.sessionStorage);
  const key = `${ConversationMemory.keyFor(base, course)}${sessionId ? `:${sessionId}` : ""}`;
  mountWidget({
    root,
    course,
    courseLabel: script.dataset.title?.trim() || course.toUpperCase(),
    base,
    client: createTutorClient({ base }),
    memory: new ConversationMemory(storage, key),
    panelMemory: new PanelMemory(tabStorage, `${key}:panel`),
    layout,
    ...(sessionId ? { sessionId } : {}),
  });
}

const script = findOwnScript();
if (script) {
  if (document.body) start(script);
  else document.addEventListener("DOMContentLoaded", () => start(script), { once: true });
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
