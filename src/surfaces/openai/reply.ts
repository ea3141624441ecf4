import type { Answer, Citation } from "../../core/chat.ts";

/**
 * What the tutor adds to an OpenAI reply (`tutor` on the completion, and on the last chunk of a
 * stream): the answer's status and its citations in full. Clients that do not know it ignore it.
 */
export interface TutorExtra {
  course: string;
  status: Answer["status"];
  citations: Citation[];
  guardrail?: Answer["guardrail"];
  degraded?: boolean;
  sessionId: string;
  messageId: string;
}

/** The extra field; citation links are made absolute, like those in the text. */
export function tutorExtra(course: string, answer: Answer, base: string): TutorExtra {
  return {
    course,
    status: answer.status,
    citations: answer.citations.map((citation) => {
      const url = absoluteUrl(citation.url, base);
      return url ? { ...citation, url } : citation;
    }),
    ...(answer.guardrail ? { guardrail: answer.guardrail } : {}),
    ...(answer.degraded ? { degraded: true } : {}),
    sessionId: answer.sessionId,
    messageId: answer.messageId,
  };
}

/** Square brackets would end a markdown link's text early, parentheses its address. */
const linkText = (text: string) => text.replace(/[[\]\\]/g, (ch) => `\\${ch}`).replace(/\s+/g, " ");
const linkTarget = (url: string) => url.replace(/\(/g, "%28").replace(/\)/g, "%29");

/** A citation's link made absolute against the tutor's address, so it opens from any client. */
export function absoluteUrl(url: string | undefined, base: string): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, base.endsWith("/") ? base : `${base}/`).toString();
  } catch {
    return undefined;
  }
}

/**
 * The sources block that follows an answer: one line per citation, its number as in the
 * answer's [n] markers and its title and section as a markdown link to the course page.
 */
export function sourcesMarkdown(citations: readonly Citation[], base: string): string {
  if (citations.length === 0) return "";
  const lines = citations.map((citation) => {
    const heading = citation.heading && citation.heading !== citation.title ? ` › ${citation.heading}` : "";
    const label = linkText(`${citation.title}${heading}`);
    const url = absoluteUrl(citation.url, base);
    return url
      ? `- [${citation.n}] [${label}](${linkTarget(url)})`
      : `- [${citation.n}] ${label} (${citation.source})`;
  });
  return `\n\n**Sources**\n${lines.join("\n")}`;
}

/** The reply's text: the answer with its [n] markers, then its sources as links. */
export function replyText(answer: Answer, base: string): string {
  return `${answer.answer}${sourcesMarkdown(answer.citations, base)}`;
}

export function completionId(): string {
  return `chatcmpl-${crypto.randomUUID().replace(/-/g, "")}`;
}

/** A whole `chat.completion`. */
export function completionObject(input: {
  id: string;
  created: number;
  model: string;
  content: string;
  tutor: TutorExtra;
}) {
  return {
    id: input.id,
    object: "chat.completion" as const,
    created: input.created,
    model: input.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant" as const, content: input.content, refusal: null },
        logprobs: null,
        // Refusals and no_answer are ordinary replies too: the tutor's status says which it was.
        finish_reason: "stop" as const,
      },
    ],
    tutor: input.tutor,
  };
}

/** One `chat.completion.chunk` of a stream. */
export function chunkObject(input: {
  id: string;
  created: number;
  model: string;
  delta: { role?: "assistant"; content?: string };
  finish?: boolean;
  tutor?: TutorExtra;
}) {
  return {
    id: input.id,
    object: "chat.completion.chunk" as const,
    created: input.created,
    model: input.model,
    choices: [{ index: 0, delta: input.delta, logprobs: null, finish_reason: input.finish ? "stop" : null }],
    ...(input.tutor ? { tutor: input.tutor } : {}),
  };
}

/**
 * What is left to send once the answer is final. Streamed text is normally exactly the final
 * answer; when it is not (the answerer fell back after a partial reply), the whole answer
 * follows under a short notice, because a stream cannot take back what it sent.
 */
export function remainderAfter(sent: string, answer: string): string {
  if (answer.startsWith(sent)) return answer.slice(sent.length);
  return `\n\n---\n*The answer above was cut short; here it is in full:*\n\n${answer}`;
}
