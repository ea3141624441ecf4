import { createAsker } from "./asking.ts";
import { wireComposer } from "./composer.ts";
import { RETRY_DELAYS, type WidgetContext, type WidgetOptions } from "./context.ts";
import { renderTranscript } from "./messages.ts";
import { createAnnouncer, createModeSwitch, createPanel, createPanelToggle } from "./panel.ts";

export type { WidgetOptions } from "./context.ts";

/** The launcher, the panel and the conversation in it. */
export function mountWidget(options: WidgetOptions): void {
  const { memory } = options;
  const page = options.layout === "page";
  const parts = createPanel(options.root, options.courseLabel);
  const session = { state: memory.load(), busy: false };
  if (options.sessionId && session.state.sessionId !== options.sessionId) {
    // The page's session wins; a transcript saved for another session is not this student's.
    session.state = { ...session.state, sessionId: options.sessionId, turns: [] };
  }
  let nextId = 0;
  const context: WidgetContext = {
    options,
    parts,
    session,
    save: () => memory.save(session.state),
    announce: createAnnouncer(parts.status),
    uid: (prefix) => `${prefix}-${++nextId}`,
    retryDelays: options.retryDelays ?? RETRY_DELAYS,
    resolveHref(href) {
      try {
        return new URL(href, options.base).toString();
      } catch {
        return options.base;
      }
    },
  };

  const setOpen = page ? () => {} : createPanelToggle(parts, options.panelMemory);
  if (page) {
    // Always open, filling its container: the launcher and close button are styled away.
    parts.panel.parentElement?.classList.add("ct-page");
    parts.panel.hidden = false;
    parts.panel.setAttribute("role", "region");
  }
  if (options.sessionId) parts.newButton.hidden = true;
  parts.newButton.addEventListener("click", () => {
    if (session.busy) return;
    session.state = memory.clear({ mode: session.state.mode });
    renderTranscript(context);
    context.announce("Started a new conversation.");
    parts.input.focus();
  });
  const setMode = createModeSwitch(parts.modeButtons, (mode) => {
    session.state.mode = mode;
    context.save();
  });
  wireComposer(context, createAsker(context));

  setMode(session.state.mode, false);
  renderTranscript(context);
  if (options.panelMemory.isOpen()) setOpen(true, false);
}
