import { isTransient, NetworkError, type TutorClient, TutorError, withRetry } from "./api.ts";
import { append, el, ICONS, icon } from "./dom.ts";
import type { ChatReply, TutorMode, WidgetCitation } from "./protocol.ts";
import { renderMarkdown } from "./render.ts";
import type { ConversationMemory, PanelMemory, SavedConversation, TutorTurn, UserTurn } from "./store.ts";

export interface WidgetOptions {
  root: ShadowRoot;
  course: string;
  /** Shown in the panel header. */
  courseLabel: string;
  /** The tutor's address, for links in answers and citations. */
  base: string;
  client: TutorClient;
  memory: ConversationMemory;
  panelMemory: PanelMemory;
  /** Waits between automatic retries after network failures. */
  retryDelays?: readonly number[];
}

const MODES: { mode: TutorMode; label: string; hint: string }[] = [
  { mode: "explain", label: "Explain", hint: "Explains the answer with sources" },
  { mode: "hint", label: "Hint", hint: "Gives a nudge instead of the full answer" },
  { mode: "quiz", label: "Quiz", hint: "Asks you questions about the topic" },
];

/** The launcher, the panel and the conversation in it. */
export function mountWidget(options: WidgetOptions): void {
  const { root, client, memory } = options;
  let state: SavedConversation = memory.load();
  let busy = false;
  let nextId = 0;
  const uid = (prefix: string) => `${prefix}-${++nextId}`;

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
  const panel = el(
    "section",
    { id: "ct-panel", class: "ct-panel", role: "dialog", "aria-labelledby": "ct-title", hidden: true },
    el(
      "header",
      { class: "ct-header" },
      el("h2", { class: "ct-title", id: "ct-title" }, "Course tutor", el("small", {}, options.courseLabel)),
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

  const save = () => memory.save(state);
  const announce = (text: string) => {
    status.textContent = "";
    // A fresh text node makes screen readers announce repeated messages too.
    setTimeout(() => {
      status.textContent = text;
    }, 30);
  };

  // Panel ----------------------------------------------------------------------------------
  function setOpen(open: boolean, focus: boolean): void {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    launcher.setAttribute("aria-label", open ? "Close the course tutor" : "Open the course tutor");
    launcherLabel.textContent = open ? "Hide tutor" : "Ask the tutor";
    options.panelMemory.setOpen(open);
    if (!focus) return;
    if (open) {
      input.focus();
      log.scrollTop = log.scrollHeight;
    } else launcher.focus();
  }
  launcher.addEventListener("click", () => setOpen(panel.hidden, true));
  closeButton.addEventListener("click", () => setOpen(false, true));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false, true);
    }
  });
  newButton.addEventListener("click", () => {
    if (busy) return;
    state = memory.clear({ mode: state.mode });
    renderTranscript();
    announce("Started a new conversation.");
    input.focus();
  });

  // Mode switch (a radio group with roving focus) -------------------------------------------
  function setMode(mode: TutorMode, focus: boolean): void {
    state.mode = mode;
    save();
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

  // Transcript -----------------------------------------------------------------------------
  function renderTranscript(): void {
    log.replaceChildren();
    if (state.turns.length === 0) {
      log.appendChild(
        el(
          "p",
          { class: "ct-empty" },
          "Ask a question about the course. Answers quote the course material and cite it.",
        ),
      );
    }
    for (const turn of state.turns)
      log.appendChild(turn.role === "user" ? userBubble(turn) : tutorMessage(turn));
    log.scrollTop = log.scrollHeight;
  }

  function userBubble(turn: UserTurn): HTMLElement {
    return el("div", { class: "ct-msg ct-user" }, el("span", { class: "sr-only" }, "You: "), turn.text);
  }

  function tutorMessage(turn: TutorTurn): HTMLElement {
    const article = el("article", {
      class: "ct-msg ct-tutor",
      "data-status": turn.status,
      "data-state": "done",
      "aria-label": "Tutor's answer",
      ...(turn.messageId ? { "data-message-id": turn.messageId } : {}),
    });
    const body = el("div", { class: "ct-body" });
    const sourcesId = uid("ct-sources");
    const sources = sourceList(turn.citations, turn.status, sourcesId);
    const highlight = (n: number) => {
      const item = sources?.querySelector<HTMLElement>(`[data-n="${n}"]`);
      if (!item) return;
      sources?.querySelectorAll(".ct-highlight").forEach((other) => {
        other.classList.remove("ct-highlight");
      });
      item.classList.add("ct-highlight");
      item.focus();
    };
    body.appendChild(
      renderMarkdown(turn.text, {
        citations: new Set(turn.citations.map((c) => c.n)),
        onCite: highlight,
        resolveHref,
      }),
    );
    append(article, el("span", { class: "sr-only" }, "Tutor: "), noticeFor(turn), body, sources);
    if (turn.status !== "refused" && turn.messageId) article.appendChild(feedbackBar(turn));
    return article;
  }

  function noticeFor(turn: TutorTurn): HTMLElement | undefined {
    if (turn.status === "no_answer") {
      return el(
        "p",
        { class: "ct-notice ct-notice-no-answer" },
        "I couldn't find this in the course material.",
      );
    }
    if (turn.status === "refused") {
      // A refusal that cites the material is the Socratic reply to a graded-work request.
      const text =
        turn.rule === "input.wellbeing"
          ? "You don't have to handle this alone."
          : turn.citations.length > 0
            ? "I can't do graded work for you, but here is a hint to work it out yourself."
            : "Sorry, I can't help with that one.";
      return el("p", { class: "ct-notice ct-notice-refused" }, text);
    }
    return undefined;
  }

  function sourceList(
    citations: readonly WidgetCitation[],
    status: TutorTurn["status"],
    id: string,
  ): HTMLElement | undefined {
    if (citations.length === 0) return undefined;
    const list = el("ol");
    for (const citation of citations) {
      const href = citation.url ? resolveHref(citation.url) : undefined;
      const title = el("span", { class: "ct-source-title" }, citation.title || citation.source);
      const label = href
        ? el(
            "a",
            {
              class: "ct-source-link",
              href,
              target: "_blank",
              rel: "noopener noreferrer",
              "aria-label": `Open source ${citation.n}: ${citation.title}${citation.heading ? `, ${citation.heading}` : ""} (opens in a new tab)`,
            },
            citation.title || citation.source,
          )
        : title;
      list.appendChild(
        el(
          "li",
          { class: "ct-source", "data-n": String(citation.n), tabindex: "-1" },
          el("span", { class: "ct-source-n" }, `${citation.n}.`),
          label,
          citation.heading && citation.heading !== citation.title
            ? el("span", { class: "ct-source-heading" }, citation.heading)
            : undefined,
          citation.snippet ? el("p", { class: "ct-snippet" }, citation.snippet) : undefined,
        ),
      );
    }
    const heading = status === "no_answer" ? "Closest sections" : "Sources";
    return el("section", { class: "ct-sources", "aria-labelledby": id }, el("h3", { id }, heading), list);
  }

  function feedbackBar(turn: TutorTurn): HTMLElement {
    const note = el("span", { class: "ct-feedback-status", role: "status" });
    const vote = (rating: "up" | "down", label: string) => {
      const button = el(
        "button",
        {
          type: "button",
          class: "ct-vote",
          "data-rating": rating,
          "aria-pressed": String(turn.feedback === rating),
        },
        icon(ICONS.thumb, rating === "down" ? "rotate(180 12 12)" : undefined),
        label,
      );
      button.addEventListener("click", async () => {
        if (!turn.messageId || !state.sessionId) return;
        note.textContent = "Sending…";
        try {
          await withRetry(
            () =>
              client.feedback({
                course: options.course,
                sessionId: state.sessionId ?? "",
                messageId: turn.messageId ?? "",
                rating,
              }),
            { delays: options.retryDelays ?? [500, 1500], shouldRetry: isTransient },
          );
          turn.feedback = rating;
          save();
          bar.querySelectorAll<HTMLButtonElement>(".ct-vote").forEach((other) => {
            other.setAttribute("aria-pressed", String(other.dataset.rating === rating));
          });
          note.textContent = "Thanks for the feedback!";
        } catch (error) {
          note.textContent = `Feedback not sent: ${describeError(error)}`;
        }
      });
      return button;
    };
    const bar = el(
      "div",
      { class: "ct-feedback", role: "group", "aria-label": "Was this answer helpful?" },
      el("span", { class: "ct-feedback-label", "aria-hidden": "true" }, "Helpful?"),
      vote("up", "Yes"),
      vote("down", "No"),
      note,
    );
    return bar;
  }

  function resolveHref(href: string): string {
    try {
      return new URL(href, options.base).toString();
    } catch {
      return options.base;
    }
  }

  // Asking ---------------------------------------------------------------------------------
  function setBusy(value: boolean): void {
    busy = value;
    sendButton.disabled = value;
    sendButton.setAttribute("aria-label", value ? "Send (waiting for the answer)" : "Send");
    newButton.disabled = value;
  }

  async function ask(question: string): Promise<void> {
    if (busy) return;
    setBusy(true);
    log.querySelector(".ct-empty")?.remove();
    const pending = el("article", {
      class: "ct-msg ct-tutor",
      "data-state": "pending",
      "aria-busy": "true",
      "aria-label": "Tutor's answer",
    });
    const body = el(
      "div",
      { class: "ct-body" },
      el("p", { class: "ct-typing" }, "Looking through the course…"),
    );
    append(pending, el("span", { class: "sr-only" }, "Tutor: "), body);
    log.appendChild(pending);
    log.scrollTop = log.scrollHeight;
    announce("The tutor is answering…");

    let streamed = "";
    let tokens = 0;
    let renderTimer: ReturnType<typeof setTimeout> | undefined;
    const renderPartial = () => {
      renderTimer = undefined;
      body.replaceChildren(renderMarkdown(streamed, { citations: new Set(), onCite: () => {}, resolveHref }));
      log.scrollTop = log.scrollHeight;
    };
    try {
      const reply: ChatReply = await withRetry(
        () =>
          client.chat(
            { course: options.course, message: question, mode: state.mode, sessionId: state.sessionId },
            {
              onSession(sessionId) {
                state.sessionId = sessionId;
              },
              onToken(text) {
                streamed += text;
                tokens++;
                pending.dataset.state = "streaming";
                pending.dataset.tokens = String(tokens);
                // Coalesce bursts of tokens into one repaint.
                renderTimer ??= setTimeout(renderPartial, 16);
              },
            },
          ),
        {
          delays: options.retryDelays ?? [500, 1500],
          // Once part of an answer is on screen, asking again would duplicate it: show Retry instead.
          shouldRetry: (error) => tokens === 0 && isTransient(error),
          onRetry: () => announce("Connection problem, trying again…"),
        },
      );
      if (renderTimer) clearTimeout(renderTimer);
      const turn: TutorTurn = {
        role: "tutor",
        text: reply.answer,
        status: reply.status,
        citations: reply.citations,
        messageId: reply.messageId,
        ...(reply.guardrail ? { reason: reply.guardrail.reason, rule: reply.guardrail.rule } : {}),
      };
      state.sessionId = reply.sessionId;
      state.turns.push(turn);
      save();
      const finished = tutorMessage(turn);
      finished.dataset.tokens = String(tokens);
      pending.replaceWith(finished);
      showStartOf(finished);
      announce(
        reply.status === "answered"
          ? `Answer ready with ${reply.citations.length} source${reply.citations.length === 1 ? "" : "s"}.`
          : reply.status === "no_answer"
            ? "The tutor couldn't find this in the course material."
            : "The tutor declined this question.",
      );
    } catch (error) {
      if (renderTimer) clearTimeout(renderTimer);
      pending.replaceWith(errorMessage(question, error));
      log.scrollTop = log.scrollHeight;
      announce(`The answer failed: ${describeError(error)}`);
    } finally {
      setBusy(false);
    }
  }

  /** A long answer is read from its beginning; a short one just sits at the bottom. */
  function showStartOf(message: HTMLElement): void {
    if (message.offsetHeight <= log.clientHeight) {
      log.scrollTop = log.scrollHeight;
      return;
    }
    log.scrollTop += message.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
  }

  function errorMessage(question: string, error: unknown): HTMLElement {
    const retry = el("button", { type: "button", class: "ct-retry" }, "Retry");
    const message = el(
      "article",
      { class: "ct-msg ct-tutor", "data-state": "error", "aria-label": "Tutor's answer" },
      el("p", { class: "ct-notice ct-notice-error", role: "alert" }, describeError(error)),
      retry,
    );
    retry.addEventListener("click", () => {
      if (busy) return;
      message.remove();
      void ask(question);
      input.focus();
    });
    return message;
  }

  function submit(): void {
    const question = input.value.trim();
    if (!question || busy) return;
    input.value = "";
    autosize();
    const turn: UserTurn = { role: "user", text: question };
    state.turns.push(turn);
    save();
    log.querySelector(".ct-empty")?.remove();
    log.appendChild(userBubble(turn));
    void ask(question);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  const autosize = () => {
    input.style.height = "auto";
    input.style.height = `${Math.min(input.scrollHeight + 2, 140)}px`;
  };
  input.addEventListener("input", autosize);

  setMode(state.mode, false);
  renderTranscript();
  if (options.panelMemory.isOpen()) setOpen(true, false);
}

function describeError(error: unknown): string {
  if (error instanceof NetworkError) return "Couldn't reach the tutor. Check your connection and try again.";
  if (error instanceof TutorError) {
    if (error.status === 429) {
      const wait = error.retryAfterSeconds ? ` Try again in ${Math.ceil(error.retryAfterSeconds)} s.` : "";
      return `You're asking a lot at once.${wait}`;
    }
    if (error.status === 403) return "This page isn't allowed to use the tutor.";
    return error.message;
  }
  return "Something went wrong. Please try again.";
}
