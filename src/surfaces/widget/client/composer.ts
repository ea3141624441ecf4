import type { WidgetContext } from "./context.ts";
import { userBubble } from "./messages.ts";
import type { UserTurn } from "./store.ts";

/** The question box: Enter sends, Shift+Enter starts a new line, and it grows with its text. */
export function wireComposer(context: WidgetContext, ask: (question: string) => Promise<void>): void {
  const { input, form, log } = context.parts;
  const { session } = context;

  function submit(): void {
    const question = input.value.trim();
    if (!question || session.busy) return;
    input.value = "";
    autosize();
    const turn: UserTurn = { role: "user", text: question };
    session.state.turns.push(turn);
    context.save();
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
}
