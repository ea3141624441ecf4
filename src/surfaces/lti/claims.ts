import { z } from "zod";

/** The LTI 1.3 and Deep Linking 2.0 claim names (IMS Global's URIs). */
const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

export const CLAIMS = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
  deepLinkingSettings: `${DL}deep_linking_settings`,
  contentItems: `${DL}content_items`,
  data: `${DL}data`,
  message: `${DL}msg`,
} as const;

export const MESSAGE_TYPES = ["LtiResourceLinkRequest", "LtiDeepLinkingRequest"] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];
export const LTI_VERSION = "1.3.0";

const text = z.string().max(1_000);

/** The LTI part of a verified id_token (signature, iss, aud, exp, iat already checked by jose). */
export const launchClaimsSchema = z.object({
  sub: z.string().min(1).max(255).optional(),
  nonce: z.string().min(1).max(255),
  azp: z.string().optional(),
  aud: z.union([z.string(), z.array(z.string())]),
  [CLAIMS.messageType]: z.string(),
  [CLAIMS.version]: z.string(),
  [CLAIMS.deploymentId]: z.string().min(1).max(255),
  [CLAIMS.targetLinkUri]: z.string().max(2_048).optional(),
  [CLAIMS.roles]: z.array(z.string().max(500)).max(100).default([]),
  [CLAIMS.resourceLink]: z.looseObject({ id: text, title: text.nullish() }).optional(),
  [CLAIMS.context]: z.looseObject({ id: text, title: text.nullish(), label: text.nullish() }).optional(),
  [CLAIMS.custom]: z.record(z.string(), z.unknown()).optional(),
  [CLAIMS.deepLinkingSettings]: z
    .looseObject({
      deep_link_return_url: z.url().max(2_048),
      accept_types: z.array(z.string()).default([]),
      accept_multiple: z.boolean().optional(),
      data: z.string().max(4_096).optional(),
    })
    .optional(),
  name: text.optional(),
  given_name: text.optional(),
});

export type LaunchClaims = z.infer<typeof launchClaimsSchema>;

/**
 * Roles that administer the tutor for a context: instructors, teaching assistants, content
 * developers and administrators (full LIS URIs, or the short names some platforms still send).
 */
const STAFF_ROLE = /(?:^|[#/])(?:Instructor|TeachingAssistant|ContentDeveloper|Administrator)$/;

export function isStaff(roles: readonly string[]): boolean {
  return roles.some((role) => STAFF_ROLE.test(role));
}
