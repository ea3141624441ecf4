import { randomBytes, randomUUID } from "node:crypto";
import type {
  EscalationOrigin,
  EscalationReceipt,
  EscalationStatus,
  ReplyTarget,
} from "../../core/escalations.ts";
import {
  type Db,
  EscalationRepository,
  type EscalationRow,
  EscalationSettingsRepository,
  EscalationStatsRepository,
  StaffAnswerRepository,
} from "../../db/index.ts";
import { defaultGrouping, type GroupingOptions, nearestGroup } from "./grouping.ts";
import { describe, QueueListeners } from "./listeners.ts";
import { groupView, groupViews, type StudentDisplay } from "./queue.ts";
import { DEFAULT_STAFF_ROLE, type StaffAnswerView, StaffMaterial } from "./staff-material.ts";
import {
  defaultEscalationSettings,
  EscalationError,
  type EscalationListener,
  type EscalationSettings,
  type GroupView,
  type MaterialPublisher,
  type QuestionEmbedder,
} from "./types.ts";
import { sentMessage, TYPICAL_WAIT_DAYS } from "./wait.ts";

export interface EscalationsDeps {
  db: Db;
  /** The course embedder: similar questions are grouped by the cosine of their embeddings. */
  embedder: QuestionEmbedder;
  /** Redacts what a student writes before it is stored (the guard's personal-data rule). */
  redact: (text: string, course: string) => string;
  publisher: MaterialPublisher;
  grouping?: Partial<GroupingOptions>;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface EscalateInput {
  sessionId: string;
  messageId: string;
  note?: string;
  origin: EscalationOrigin;
  /** Who asked (`slack:T…:U…`); default: the session. */
  studentKey?: string;
  replyTo?: ReplyTarget;
  /** Whether the message's course takes escalations now (an archived course does not); default yes. */
  courseOpen?: (course: string) => Promise<boolean>;
}

export interface AnswerInput {
  answer: string;
  addToMaterial: boolean;
  /** Who answered: "admin", "slack:U…". */
  answeredBy: string;
  /** The role the answer is shown with (default "teaching staff"). */
  role?: string;
  /** The question as the material should word it (default: the first student's). */
  question?: string;
}

export interface AnswerOutcome {
  group: GroupView;
  staffAnswer: StaffAnswerView | null;
  /** Why the answer could not be added to the material (it was still sent to the students). */
  materialError?: string;
}

/**
 * The staff queue: students escalate questions (grouped with similar open ones by the course
 * embedder), staff answer or dismiss a group once, every student in it gets the answer in their
 * session and where they asked, and answers can become course material. Listeners (the Slack
 * surface) keep the staff channel's notification in step and deliver answers outside the widget.
 */
export class Escalations {
  readonly material: StaffMaterial;
  private readonly escalations: EscalationRepository;
  private readonly settingsStore: EscalationSettingsRepository;
  private readonly grouping: GroupingOptions;
  private readonly now: () => Date;
  private readonly log: (message: string) => void;
  private readonly listeners: QueueListeners;

  constructor(private readonly deps: EscalationsDeps) {
    this.escalations = new EscalationRepository(deps.db);
    this.settingsStore = new EscalationSettingsRepository(deps.db);
    this.material = new StaffMaterial(deps.db, deps.publisher);
    this.grouping = { ...defaultGrouping, ...deps.grouping };
    this.now = deps.now ?? (() => new Date());
    this.log = deps.log ?? (() => {});
    this.listeners = new QueueListeners({
      escalations: this.escalations,
      view: (course, groupId) => this.view(course, groupId),
      settings: (course) => this.settings(course),
      log: this.log,
    });
  }

  addListener(listener: EscalationListener): void {
    this.listeners.add(listener);
  }

  async settings(course: string): Promise<EscalationSettings> {
    const row = await this.settingsStore.find(course);
    if (!row) return { ...defaultEscalationSettings };
    return {
      autoEscalate: row.autoEscalate,
      staffSlackChannel: row.staffSlackChannel,
      showStudentNames: row.showStudentNames,
    };
  }

  /** Stores a course's settings; undefined for an unknown course. */
  async saveSettings(course: string, settings: EscalationSettings): Promise<EscalationSettings | undefined> {
    if (!(await this.ensureSettings(course))) return undefined;
    await this.settingsStore.save(course, settings);
    return this.settings(course);
  }

  /**
   * Hands a message of a session to the staff, once: escalating it again returns the first receipt.
   * The question joins the open group of the most similar question above the threshold, or opens one.
   */
  async escalate(
    input: EscalateInput,
  ): Promise<{ course: string; receipt: EscalationReceipt; created: boolean }> {
    const message = await this.escalations.message(input.sessionId, input.messageId);
    if (!message) throw new EscalationError("unknown_message", "unknown message for this session");
    const { course } = message;
    if (input.courseOpen && !(await input.courseOpen(course)))
      throw new EscalationError("unknown_message", "unknown message for this session");
    const existing = await this.escalations.byMessage(course, input.messageId);
    if (existing) return { course, receipt: await this.receipt(existing), created: false };

    const note = input.note?.trim() ? this.deps.redact(input.note.trim(), course) : null;
    const embedding = await this.deps.embedder.embedQuery(message.question).catch((error: unknown) => {
      this.log(`escalations: embedding failed, the question opens its own group: ${describe(error)}`);
      return null;
    });
    await this.ensureSettings(course);
    const id = randomUUID();
    const stored = await this.deps.db.transaction(async (tx) => {
      const repository = new EscalationRepository(tx);
      await repository.lockCourse(course);
      // A second press that raced the first waited for the lock: it finds the first one's row.
      const raced = await repository.byMessage(course, input.messageId);
      if (raced) return { row: raced, created: false };
      const candidates = embedding ? await repository.openVectors(course, this.deps.embedder.modelId) : [];
      const joined = embedding ? nearestGroup(embedding, candidates, this.grouping.threshold) : undefined;
      const groupId = joined?.groupId ?? randomUUID();
      if (!joined) await repository.createGroup(groupId, course);
      await repository.insert({
        id,
        course,
        groupId,
        sessionId: input.sessionId,
        messageId: input.messageId,
        origin: input.origin,
        note,
        studentKey: input.studentKey ?? `session:${input.sessionId}`,
        replyTo: input.replyTo ?? null,
        embedding,
        embeddingModel: embedding ? this.deps.embedder.modelId : null,
      });
      return { row: (await repository.byId(course, id)) as EscalationRow, created: true };
    });
    if (stored.created) this.listeners.groupChanged(course, stored.row.groupId);
    return { course, receipt: await this.receipt(stored.row), created: stored.created };
  }

  /** The queue of one status, oldest first for open groups, latest closed first otherwise. */
  async queue(course: string, status: EscalationStatus, limit = 100): Promise<GroupView[]> {
    const groups = await this.escalations.groups(course, status, limit);
    const members = await this.escalations.members(
      course,
      groups.map((g) => g.id),
    );
    return groupViews(groups, members, await this.display(course));
  }

  /** The group an escalation belongs to. */
  async groupOf(course: string, escalationId: string): Promise<GroupView> {
    const escalation = await this.requireEscalation(course, escalationId);
    return (await this.view(course, escalation.groupId)) as GroupView;
  }

  /**
   * Answers an escalation's whole group: the answer goes into every member's session at once and
   * (in the background) to Slack threads and DMs; with `addToMaterial` it becomes course material
   * before this returns, so the next question can be answered from it.
   */
  async answer(course: string, escalationId: string, input: AnswerInput): Promise<AnswerOutcome> {
    const escalation = await this.requireEscalation(course, escalationId);
    const groupId = escalation.groupId;
    const role = input.role?.trim() || DEFAULT_STAFF_ROLE;
    const members = await this.deps.db.transaction(async (tx) => {
      const repository = new EscalationRepository(tx);
      const closing = {
        status: "answered" as const,
        closedBy: input.answeredBy,
        answer: input.answer,
        answeredRole: role,
      };
      if (!(await repository.close(course, groupId, closing))) throw closed();
      const all = await repository.members(course, [groupId]);
      const staff = new StaffAnswerRepository(tx);
      for (const member of all) {
        await staff.addMessage({
          id: randomUUID(),
          sessionId: member.sessionId,
          course,
          escalationId: member.id,
          text: input.answer,
        });
      }
      return all;
    });
    let staffAnswer: StaffAnswerView | null = null;
    let materialError: string | undefined;
    if (input.addToMaterial) {
      try {
        const question = input.question?.trim() || (members[0] as EscalationRow).question;
        staffAnswer = await this.material.add({ course, groupId, question, answer: input.answer, role });
        await this.escalations.linkStaffAnswer(course, groupId, staffAnswer.id);
      } catch (error) {
        materialError = describe(error);
        this.log(`escalations: the answer could not be added to the material: ${materialError}`);
      }
    }
    this.listeners.deliver(course, members, input.answer, role);
    this.listeners.groupChanged(course, groupId);
    const group = (await this.view(course, groupId)) as GroupView;
    return { group, staffAnswer, ...(materialError ? { materialError } : {}) };
  }

  async dismiss(
    course: string,
    escalationId: string,
    input: { by: string; reason?: string },
  ): Promise<GroupView> {
    const escalation = await this.requireEscalation(course, escalationId);
    const closing = {
      status: "dismissed" as const,
      closedBy: input.by,
      dismissReason: input.reason?.trim() || undefined,
    };
    if (!(await this.escalations.close(course, escalation.groupId, closing))) throw closed();
    this.listeners.groupChanged(course, escalation.groupId);
    return (await this.view(course, escalation.groupId)) as GroupView;
  }

  /** Takes an escalation out of a group it was wrongly put in, into an open group of its own. */
  async detach(course: string, escalationId: string): Promise<GroupView> {
    const escalation = await this.requireEscalation(course, escalationId);
    const group = await this.view(course, escalation.groupId);
    if (group?.status !== "open") throw closed();
    if (group.members.length < 2)
      throw new EscalationError("cannot_detach", "the escalation is alone in its group already");
    const groupId = randomUUID();
    await this.deps.db.transaction(async (tx) => {
      const repository = new EscalationRepository(tx);
      await repository.createGroup(groupId, course);
      await repository.moveToGroup(course, escalationId, groupId);
    });
    this.listeners.groupChanged(course, escalation.groupId);
    this.listeners.groupChanged(course, groupId);
    return (await this.view(course, groupId)) as GroupView;
  }

  /** Median minutes to a staff answer over the course's last 30 days; null without answers. */
  async typicalWaitMinutes(course: string): Promise<number | null> {
    const since = new Date(this.now().getTime() - TYPICAL_WAIT_DAYS * 24 * 3600 * 1000);
    const { medianSeconds } = await new EscalationStatsRepository(this.deps.db).timeToAnswer(course, since);
    return medianSeconds === null ? null : Math.round((medianSeconds / 60) * 10) / 10;
  }

  /** Resolves once background deliveries and notifications are done. */
  drain(): Promise<void> {
    return this.listeners.drain();
  }

  private async receipt(row: EscalationRow): Promise<EscalationReceipt> {
    const group = await this.escalations.group(row.course, row.groupId);
    const typicalWaitMinutes = await this.typicalWaitMinutes(row.course);
    const slack = row.replyTo?.slack;
    const where = slack?.threadTs ? "in this thread" : slack ? "in a direct message" : "in this conversation";
    return {
      id: row.id,
      messageId: row.messageId,
      status: group?.status ?? "open",
      createdAt: row.createdAt.toISOString(),
      typicalWaitMinutes,
      message: sentMessage(typicalWaitMinutes, where),
    };
  }

  private async ensureSettings(course: string): Promise<boolean> {
    return this.settingsStore.ensure(course, randomBytes(24).toString("base64url"));
  }

  private async display(course: string): Promise<StudentDisplay> {
    await this.ensureSettings(course);
    const row = await this.settingsStore.find(course);
    return { salt: row?.pseudonymSalt ?? "", showNames: row?.showStudentNames ?? false };
  }

  private async view(course: string, groupId: string): Promise<GroupView | undefined> {
    const group = await this.escalations.group(course, groupId);
    if (!group) return undefined;
    return groupView(group, await this.escalations.members(course, [groupId]), await this.display(course));
  }

  private async requireEscalation(course: string, id: string): Promise<EscalationRow> {
    const escalation = await this.escalations.byId(course, id);
    if (!escalation) throw new EscalationError("unknown_escalation", "no such escalation in this course");
    return escalation;
  }
}

function closed(): EscalationError {
  return new EscalationError("escalation_closed", "this escalation was answered or dismissed already");
}
