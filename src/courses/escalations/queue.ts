import type { EscalationGroupRow, EscalationRow } from "../../db/index.ts";
import { pseudonym, slackUserOf } from "./pseudonym.ts";
import type { EscalationView, GroupView, QueueStudent } from "./types.ts";

/** What the queue needs of the course's settings to show students. */
export interface StudentDisplay {
  salt: string;
  showNames: boolean;
}

export function studentOf(studentKey: string, display: StudentDisplay): QueueStudent {
  const student: QueueStudent = { pseudonym: pseudonym(display.salt, studentKey) };
  const slackUserId = display.showNames ? slackUserOf(studentKey) : undefined;
  return slackUserId ? { ...student, slackUserId } : student;
}

export function escalationView(row: EscalationRow, display: StudentDisplay): EscalationView {
  return {
    id: row.id,
    origin: row.origin,
    question: row.question,
    tutorReply: { text: row.reply, status: row.replyStatus },
    retrieved: row.citations.map((c) => ({
      n: c.n,
      source: c.source,
      title: c.title,
      heading: c.heading,
      snippet: c.snippet,
      ...(c.url ? { url: c.url } : {}),
    })),
    note: row.note,
    student: studentOf(row.studentKey, display),
    createdAt: row.createdAt.toISOString(),
  };
}

/** A group as the queue lists it: its first escalation, the others who asked, and how it closed. */
export function groupView(
  group: EscalationGroupRow,
  members: readonly EscalationRow[],
  display: StudentDisplay,
): GroupView | undefined {
  const views = members.map((m) => escalationView(m, display));
  const first = views[0];
  if (!first) return undefined;
  const closedAt = group.closedAt?.toISOString() ?? "";
  return {
    ...first,
    groupId: group.id,
    course: group.course,
    status: group.status,
    othersAsking: views.length - 1,
    members: views,
    ...(group.status === "answered"
      ? {
          answer: {
            text: group.answer ?? "",
            answeredBy: group.closedBy ?? "",
            role: group.answeredRole ?? "",
            answeredAt: closedAt,
            staffAnswerId: group.staffAnswerId,
          },
        }
      : {}),
    ...(group.status === "dismissed"
      ? {
          dismissal: {
            reason: group.dismissReason,
            dismissedBy: group.closedBy ?? "",
            dismissedAt: closedAt,
          },
        }
      : {}),
  };
}

/** Groups with their members, in the groups' order; groups left without members are skipped. */
export function groupViews(
  groups: readonly EscalationGroupRow[],
  members: readonly EscalationRow[],
  display: StudentDisplay,
): GroupView[] {
  const byGroup = new Map<string, EscalationRow[]>();
  for (const member of members) {
    const list = byGroup.get(member.groupId) ?? [];
    list.push(member);
    byGroup.set(member.groupId, list);
  }
  return groups.flatMap((g) => {
    const built = groupView(g, byGroup.get(g.id) ?? [], display);
    return built ? [built] : [];
  });
}
