import { append, el, ICONS, icon } from "./dom.ts";
import type { TutorMode } from "./protocol.ts";
import type { PanelMemory } from "./store.ts";

export const MODES: { mode: TutorMode; label: string; hint: string }[] = [
  { mode: "explain", label: "Explain", hint: "Explains the answer with sources" },
  { mode: "hint", label: "Hint", hint: "Gives a nudge instead of the full answer" },
  { mode: "quiz", label: "Quiz", hint: "Asks you questions about the topic" },
];

/** The widget's elements that its parts read or wire up. */
export interface PanelParts {
  launcher: HTMLButtonElement;
  launcherLabel: HTMLSpanElement;
  closeButton: HTMLButtonElement;
  newButton: HTMLButtonElement;
  modeButtons: HTMLButtonElement[];
  log: HTMLDivElement;
  status: HTMLDivElement;
  input: HTMLTextAreaElement;
  sendButton: HTMLButtonElement;
  form: HTMLFormElement;
  panel: HTMLElement;
}

/** Builds the launcher and the (hidden) panel with its header, modes, log and form into `root`. */
export function createPanel(root: ShadowRoot, courseLabel: string): PanelParts {
  const launcher = el(
    "button",
    {
      type: "button",
      class: "ct-launcher",
      "aria-expanded": "false",
      "aria-controls": "ct-panel",
      "aria-haspopup": "dialog",
    },
    icon(ICONS.chat),
  );
  const launcherLabel = el("span", {}, "Ask the tutor");
  launcher.appendChild(launcherLabel);

  const closeButton = el(
    "button",
    { type: "button", class: "ct-icon-button ct-close", "aria-label": "Close the tutor" },
    icon(ICONS.close),
  );
  const newButton = el(
    "button",
    { type: "button", class: "ct-icon-button ct-new", "aria-label": "Start a new conversation" },
    "New",
  );
  const modeButtons = MODES.map(({ mode, label, hint }) =>
    el("button", { type: "button", role: "radio", class: "ct-mode", "data-mode": mode, title: hint }, label),
  );
  const modeGroup = el(
    "div",
    { class: "ct-modes", role: "radiogroup", "aria-labelledby": "ct-modes-label" },
    el("span", { class: "ct-modes-label", id: "ct-modes-label" }, "Answer style"),
    ...modeButtons,
  );
  const log = el("div", {
    class: "ct-log",
    role: "log",
    "aria-live": "polite",
    "aria-relevant": "additions text",
    "aria-label": "Conversation with the tutor",
    tabindex: "0",
  });
  const status = el("div", { class: "sr-only", role: "status", "aria-live": "polite" });
  const { input, sendButton, form } = createComposerForm();
  const panel = el(
    "section",
    { id: "ct-panel", class: "ct-panel", role: "dialog", "aria-labelledby": "ct-title", hidden: true },
    el(
      "header",
      { class: "ct-header" },
      el("h2", { class: "ct-title", id: "ct-title" }, "Course tutor", el("small", {}, courseLabel)),
      newButton,
      closeButton,
    ),
    modeGroup,
    log,
    status,
    form,
    el(
      "p",
      { class: "ct-foot", id: "ct-input-help" },
      "Enter sends, Shift+Enter starts a new line. Answers come from the course material.",
    ),
  );
  append(root, el("div", { class: "ct-root" }, launcher, panel));
  return {
    launcher,
    launcherLabel,
    closeButton,
    newButton,
    modeButtons,
    log,
    status,
    input,
    sendButton,
    form,
    panel,
  };
}

function createComposerForm() {
  const input = el("textarea", {
    id: "ct-input",
    class: "ct-input",
    rows: "1",
    placeholder: "Ask about the course…",
    "aria-describedby": "ct-input-help",
    autocomplete: "off",
  });
  const sendButton = el("button", { type: "submit", class: "ct-send" }, icon(ICONS.send), "Send");
  const form = el(
    "form",
    { class: "ct-form", "aria-label": "Ask a question" },
    el("label", { for: "ct-input", class: "sr-only" }, "Your question"),
    input,
    sendButton,
  );
  return { input, sendButton, form };
}

/**
 * Opening and closing: the launcher toggles, the close button and Escape close, and the tab
 * remembers whether the panel was open. Returns the setter.
 */
export function createPanelToggle(
  parts: PanelParts,
  panelMemory: PanelMemory,
): (open: boolean, focus: boolean) => void {
  const { panel, launcher, launcherLabel, input, log } = parts;
  function setOpen(open: boolean, focus: boolean): void {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    launcher.setAttribute("aria-label", open ? "Close the course tutor" : "Open the course tutor");
    launcherLabel.textContent = open ? "Hide tutor" : "Ask the tutor";
    panelMemory.setOpen(open);
    if (!focus) return;
    if (open) {
      input.focus();
      log.scrollTop = log.scrollHeight;
    } else launcher.focus();
  }
  launcher.addEventListener("click", () => setOpen(panel.hidden, true));
  parts.closeButton.addEventListener("click", () => setOpen(false, true));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false, true);
    }
  });
  return setOpen;
}

/** Says a text through the status region; a fresh text node makes screen readers repeat it too. */
export function createAnnouncer(status: HTMLElement): (text: string) => void {
  return (text) => {
    status.textContent = "";
    setTimeout(() => {
      status.textContent = text;
    }, 30);
  };
}

/** The answer-style radio group with roving focus: arrows, Home and End move between modes. */
export function createModeSwitch(
  modeButtons: readonly HTMLButtonElement[],
  onChange: (mode: TutorMode) => void,
): (mode: TutorMode, focus: boolean) => void {
  function setMode(mode: TutorMode, focus: boolean): void {
    onChange(mode);
    for (const button of modeButtons) {
      const checked = button.dataset.mode === mode;
      button.setAttribute("aria-checked", String(checked));
      button.tabIndex = checked ? 0 : -1;
      if (checked && focus) button.focus();
    }
  }
  modeButtons.forEach((button, index) => {
    button.addEventListener("click", () => setMode(MODES[index]?.mode ?? "explain", true));
    button.addEventListener("keydown", (event) => {
      const moves: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
      let target: number | undefined;
      if (event.key in moves) target = (index + (moves[event.key] ?? 0) + MODES.length) % MODES.length;
      else if (event.key === "Home") target = 0;
      else if (event.key === "End") target = MODES.length - 1;
      if (target === undefined) return;
      event.preventDefault();
      setMode(MODES[target]?.mode ?? "explain", true);
    });
  });
  return setMode;
}
