import type { PageContext } from "../app.ts";
import { add, h, section } from "../dom.ts";

/**
 * "Questions for staff": where students' escalated questions will be answered (issue #17, built
 * separately under /admin/courses/:id/escalations). This page is the place the console keeps for
 * it; wiring it means replacing this function's body with the queue.
 */
export async function questionsPage(ctx: PageContext): Promise<void> {
  add(
    ctx.main,
    section(
      "Questions for staff",
      h(
        "p",
        { "data-slot": "escalations" },
        "Questions students send to the teaching staff will appear here, for instructors and TAs to answer.",
      ),
    ),
  );
}
