import type { Context } from "hono";
import { z } from "zod";
import type { LtiSessionKey } from "../../db/index.ts";
import { COURSE_PARAMETER } from "./deep-linking.ts";
import { LtiError } from "./errors.ts";
import { chatPage, deepLinkPage, notSetUpPage, setupPage } from "./pages.ts";
import type { LtiTool } from "./tool.ts";
import type { Launch } from "./validate.ts";

/** What a setup or deep-linking form carries back from the launch that showed it (signed by the tool). */
export const formClaimsSchema = z.object({
  platformId: z.string(),
  contextId: z.string(),
  contextTitle: z.string(),
  /** The pseudonymised user who launched (who chose the course). */
  owner: z.string().optional(),
  deploymentId: z.string().optional(),
  returnUrl: z.string().optional(),
  data: z.string().optional(),
});

export type FormClaims = z.infer<typeof formClaimsSchema>;

export type Page = ReturnType<typeof chatPage>;

/** The page a validated launch lands on. */
export async function landingPage(tool: LtiTool, launch: Launch): Promise<Page> {
  const owner = launch.userId
    ? await tool.secrets.pseudonym(launch.platform.issuer, launch.userId)
    : undefined;
  const form: FormClaims = {
    platformId: launch.platform.id,
    contextId: launch.context.id,
    contextTitle: launch.context.title,
    ...(owner ? { owner } : {}),
  };
  if (launch.messageType === "LtiDeepLinkingRequest") return deepLinkingPicker(tool, launch, form);

  const course = await launchCourse(tool, launch);
  if (!course) {
    if (!launch.staff) return notSetUpPage(launch.context.title);
    return setupPage({
      contextTitle: launch.context.title,
      courses: await tool.choosableCourses(launch.platform),
      token: await tool.secrets.signForm("setup", { ...form }),
    });
  }
  return courseChat(tool, { ...form, owner }, course, launch.staff);
}

/** The course this launch opens: the link's own (deep-linked) course, else the context's. */
async function launchCourse(
  tool: LtiTool,
  launch: Launch,
): Promise<{ id: string; title: string } | undefined> {
  const linked = launch.custom[COURSE_PARAMETER];
  const choosable = await tool.choosableCourses(launch.platform);
  if (typeof linked === "string" && linked !== "") {
    const course = choosable.find((c) => c.id === linked);
    if (!course)
      throw new LtiError(
        404,
        "unknown_course",
        `This link opens course "${linked.slice(0, 64)}", which this tutor does not offer.`,
      );
    return course;
  }
  const mapped = await tool.launches.contextCourse(launch.platform.id, launch.context.id);
  return mapped ? choosable.find((c) => c.id === mapped.course) : undefined;
}

async function deepLinkingPicker(tool: LtiTool, launch: Launch, form: FormClaims): Promise<Page> {
  if (!launch.staff) {
    throw new LtiError(
      403,
      "instructors_only",
      "Only instructors and teaching assistants can add the tutor to a course.",
    );
  }
  const settings = launch.deepLinking;
  if (!settings?.acceptsLinks) {
    throw new LtiError(
      400,
      "unsupported_content",
      "The LMS asked for content other than LTI links, which is all the tutor offers.",
    );
  }
  const mapped = await tool.launches.contextCourse(launch.platform.id, launch.context.id);
  return deepLinkPage({
    contextTitle: launch.context.title,
    courses: await tool.choosableCourses(launch.platform),
    ...(mapped ? { selected: mapped.course } : {}),
    title: "Course tutor",
    token: await tool.secrets.signForm("deep-link", {
      ...form,
      deploymentId: launch.deploymentId,
      returnUrl: settings.returnUrl,
      ...(settings.data !== undefined ? { data: settings.data } : {}),
    }),
  });
}

/** The chat for `course`, signed into the launching user's session (one per context and course). */
export async function courseChat(
  tool: LtiTool,
  form: FormClaims,
  course: { id: string; title: string },
  staff: boolean,
): Promise<Page> {
  const key: LtiSessionKey | undefined = form.owner
    ? { platformId: form.platformId, owner: form.owner, contextId: form.contextId, course: course.id }
    : undefined;
  const previous = key ? await tool.launches.sessionFor(key) : undefined;
  const sessionId = await tool.deps.conversations.resolveSession(course.id, previous, "lti");
  if (key && sessionId !== previous) await tool.launches.linkSession(key, sessionId);
  return chatPage({
    course,
    sessionId,
    contextTitle: form.contextTitle,
    ...(staff ? { staff: { consoleUrl: tool.consoleUrl(course.id) } } : {}),
  });
}

/** The tutor's own address: PUBLIC_BASE_URL, else the one the request came to. */
export function baseUrl(tool: LtiTool, c: Context): string {
  return (tool.deps.publicBaseUrl ?? new URL(c.req.url).origin).replace(/\/+$/, "");
}
