import { randomUUID } from "node:crypto";
import { STAFF_ANSWERS_FOLDER } from "../../core/escalations.ts";
import { type Db, StaffAnswerRepository, type StaffAnswerRow } from "../../db/index.ts";
import { EscalationError, type MaterialPublisher } from "./types.ts";

/** The title every staff answer carries, so citations say who answered. */
export const STAFF_ANSWER_TITLE = "Answered by the teaching staff";

/** The role staff answers are shown with when none is given. */
export const DEFAULT_STAFF_ROLE = "teaching staff";

export function isStaffAnswerSource(source: string): boolean {
  return source.startsWith(STAFF_ANSWERS_FOLDER);
}

export function staffAnswerSource(slug: string): string {
  return `${STAFF_ANSWERS_FOLDER}${slug}.md`;
}

/** `does-the-course-count-toward-the-minor`: lower-case ASCII words, at most 60 characters. */
export function slugify(question: string): string {
  const words = question
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 60) break;
    slug = next;
  }
  return slug || "answer";
}

/** A staff answer as a course document: front matter (question, who answered, date), then Q and A. */
export function staffAnswerMarkdown(entry: {
  course: string;
  slug: string;
  question: string;
  answer: string;
  role: string;
  date: Date;
}): string {
  // JSON strings are valid YAML double-quoted scalars, so any question survives the front matter.
  const heading = entry.question
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^#+\s*/, "");
  return [
    "---",
    `title: ${JSON.stringify(STAFF_ANSWER_TITLE)}`,
    `question: ${JSON.stringify(heading)}`,
    `answeredBy: ${JSON.stringify(entry.role)}`,
    `date: ${entry.date.toISOString().slice(0, 10)}`,
    `url: ${JSON.stringify(`/course/${entry.course}/${STAFF_ANSWERS_FOLDER}${entry.slug}`)}`,
    "---",
    "",
    `## ${heading}`,
    "",
    entry.answer.trim(),
    "",
  ].join("\n");
}

/** A staff answer as the admin routes show it. */
export interface StaffAnswerView {
  id: string;
  source: string;
  question: string;
  answer: string;
  answeredBy: string;
  groupId: string | null;
  createdAt: string;
  updatedAt: string;
  retiredAt: string | null;
}

function view(row: StaffAnswerRow): StaffAnswerView {
  return {
    id: row.id,
    source: staffAnswerSource(row.slug),
    question: row.question,
    answer: row.answer,
    answeredBy: row.answeredRole,
    groupId: row.groupId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    retiredAt: row.retiredAt?.toISOString() ?? null,
  };
}

/**
 * Staff answers kept as course material: each is a row (the record staff edit) and a document
 * `staff-answers/<slug>.md` ingested on its own, so it is searchable at once and leaves the index
 * at once when retired.
 */
export class StaffMaterial {
  private readonly answers: StaffAnswerRepository;

  constructor(
    db: Db,
    private readonly publisher: MaterialPublisher,
  ) {
    this.answers = new StaffAnswerRepository(db);
  }

  /** Records and publishes a new entry under a slug of its question not yet taken in the course. */
  async add(input: {
    course: string;
    groupId: string | null;
    question: string;
    answer: string;
    role: string;
  }): Promise<StaffAnswerView> {
    const base = slugify(input.question);
    const id = randomUUID();
    for (let attempt = 1; ; attempt++) {
      const slug = attempt === 1 ? base : `${base}-${attempt}`;
      const row = { id, course: input.course, groupId: input.groupId, slug, answeredRole: input.role };
      if (await this.answers.insert({ ...row, question: input.question, answer: input.answer })) break;
    }
    const stored = (await this.answers.find(input.course, id)) as StaffAnswerRow;
    await this.publish(stored);
    return view(stored);
  }

  async list(course: string, includeRetired: boolean): Promise<StaffAnswerView[]> {
    return (await this.answers.list(course, includeRetired)).map(view);
  }

  /** Changes an entry's question or answer and publishes the new text in place of the old. */
  async edit(
    course: string,
    id: string,
    change: { question?: string; answer?: string },
  ): Promise<StaffAnswerView> {
    const current = await this.require(course, id);
    if (current.retiredAt) throw new EscalationError("staff_answer_retired", "that staff answer is retired");
    const next = { question: change.question ?? current.question, answer: change.answer ?? current.answer };
    await this.answers.update(course, id, next);
    const stored = (await this.answers.find(course, id)) as StaffAnswerRow;
    await this.publish(stored);
    return view(stored);
  }

  /** Takes an entry out of the material; the tutor stops citing it at once. */
  async retire(course: string, id: string): Promise<StaffAnswerView> {
    const current = await this.require(course, id);
    if (!(await this.answers.retire(course, id)))
      throw new EscalationError("staff_answer_retired", "that staff answer is retired already");
    await this.publisher.retire(course, staffAnswerSource(current.slug));
    return view((await this.answers.find(course, id)) as StaffAnswerRow);
  }

  private async require(course: string, id: string): Promise<StaffAnswerRow> {
    const row = await this.answers.find(course, id);
    if (!row) throw new EscalationError("unknown_staff_answer", "no such staff answer in this course");
    return row;
  }

  private publish(row: StaffAnswerRow): Promise<void> {
    const markdown = staffAnswerMarkdown({
      course: row.course,
      slug: row.slug,
      question: row.question,
      answer: row.answer,
      role: row.answeredRole,
      date: row.createdAt,
    });
    return this.publisher.publish(row.course, staffAnswerSource(row.slug), markdown);
  }
}
