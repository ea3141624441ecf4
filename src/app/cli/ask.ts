import type { Answer } from "../../core/chat.ts";
import type { Config } from "../config.ts";
import { type Options, UsageError, write } from "./options.ts";
import { callServer, ensureDefaultCourse, runningServer, withTutor } from "./tutor-access.ts";

/** `tutor ask "QUESTION" [--course ID] [--json]` */
export async function askCommand(config: Config, options: Options, positionals: string[]): Promise<void> {
  const message = positionals.join(" ").trim();
  if (!message) throw new UsageError('tutor ask needs a question: tutor ask "what is model drift?"');
  const course = options.course ?? config.defaultCourse;
  const server = await runningServer(config);
  const answer: Answer = server
    ? await callServer<Answer>(server, "/v1/chat", { course, message })
    : await withTutor(config, "ask", async (tutor) => {
        await ensureDefaultCourse(tutor, course);
        return tutor.pipeline.ask({ course, message, surface: "cli" });
      });
  if (options.json) {
    write(JSON.stringify(answer));
    return;
  }
  write(answer.answer);
  if (answer.citations.length > 0) {
    write("");
    for (const c of answer.citations) {
      write(
        `[${c.n}] ${c.source} — ${c.title}${c.heading && c.heading !== c.title ? ` › ${c.heading}` : ""}`,
      );
    }
  }
  if (answer.status !== "answered") write(`\n(status: ${answer.status})`);
}
