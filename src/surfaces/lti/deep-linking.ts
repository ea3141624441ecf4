import { randomBytes } from "node:crypto";
import { CLAIMS, LTI_VERSION } from "./claims.ts";
import type { ToolKeys } from "./tool-keys.ts";

/** The custom parameter a deep-linked resource carries: which course its launches open. */
export const COURSE_PARAMETER = "tutor_course";

/** A deep-linking response is good for this long after it is signed. */
const RESPONSE_TTL_SECONDS = 300;

export interface DeepLinkInput {
  platform: { issuer: string; clientId: string };
  deploymentId: string;
  /** The `data` the platform sent with the request, returned untouched. */
  data?: string;
  course: string;
  title: string;
  launchUrl: string;
}

/**
 * The signed LtiDeepLinkingResponse: one LTI resource link to this tool that opens `course`,
 * addressed to the platform (iss = the tool's client id, aud = the platform's issuer).
 */
export async function deepLinkingResponse(keys: ToolKeys, input: DeepLinkInput): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return keys.sign({
    iss: input.platform.clientId,
    aud: input.platform.issuer,
    iat: now,
    exp: now + RESPONSE_TTL_SECONDS,
    nonce: randomBytes(16).toString("base64url"),
    [CLAIMS.messageType]: "LtiDeepLinkingResponse",
    [CLAIMS.version]: LTI_VERSION,
    [CLAIMS.deploymentId]: input.deploymentId,
    [CLAIMS.contentItems]: [
      {
        type: "ltiResourceLink",
        title: input.title,
        text: "Ask questions about the course material; every answer cites its sources.",
        url: input.launchUrl,
        custom: { [COURSE_PARAMETER]: input.course },
      },
    ],
    [CLAIMS.message]: `Added ${input.title}.`,
    ...(input.data !== undefined ? { [CLAIMS.data]: input.data } : {}),
  });
}
