import { decodeJwt, errors, jwtVerify } from "jose";
import type { LtiLaunchRepository, LtiPlatform, LtiPlatformRepository } from "../../db/index.ts";
import {
  CLAIMS,
  isStaff,
  type LaunchClaims,
  LTI_VERSION,
  launchClaimsSchema,
  MESSAGE_TYPES,
  type MessageType,
} from "./claims.ts";
import { LtiError } from "./errors.ts";
import type { PlatformKeySets } from "./platform-keys.ts";

/** How far platform and tool clocks may disagree. */
const CLOCK_TOLERANCE_SECONDS = 60;
/** An id_token older than this is refused even if its exp says otherwise. */
const MAX_TOKEN_AGE_SECONDS = 3_600;
/** Used nonces are remembered a little longer than any token carrying them could be accepted. */
export const NONCE_MEMORY_SECONDS = MAX_TOKEN_AGE_SECONDS + 2 * CLOCK_TOLERANCE_SECONDS;

/** A launch the tool accepted: who came, from where, and what they asked for. */
export interface Launch {
  platform: LtiPlatform;
  deploymentId: string;
  messageType: MessageType;
  /** The LMS user id (`sub`); absent for anonymous launches. */
  userId?: string;
  staff: boolean;
  context: { id: string; title: string };
  resourceLink?: { id: string; title: string };
  deepLinking?: { returnUrl: string; data?: string; acceptsLinks: boolean };
  custom: Record<string, unknown>;
  displayName?: string;
}

export interface LaunchDeps {
  platforms: LtiPlatformRepository;
  launches: LtiLaunchRepository;
  keySets: PlatformKeySets;
}

/**
 * Checks an id_token posted to the launch URL: the platform it names, the signature against
 * that platform's JWKS, iss, aud, azp, exp and iat (jose), the nonce (used once, and the one
 * this login's state was issued with), the state, the deployment, the message type and the
 * LTI version. Any failure is an LtiError that says which check failed.
 */
export async function validateLaunch(deps: LaunchDeps, idToken: string, state: string): Promise<Launch> {
  const platform = await platformOf(deps, idToken);
  const claims = await verifyToken(deps, platform, idToken);
  if (claims.azp !== undefined && claims.azp !== platform.clientId) {
    throw new LtiError(401, "wrong_audience", "The id_token's azp is not this tool's client id.");
  }
  if (Array.isArray(claims.aud) && claims.aud.length > 1 && claims.azp === undefined) {
    throw new LtiError(
      401,
      "wrong_audience",
      "An id_token for several audiences must name this tool as azp.",
    );
  }
  if (!(await deps.launches.claimNonce(claims.nonce, NONCE_MEMORY_SECONDS))) {
    throw new LtiError(
      401,
      "nonce_replayed",
      "This launch was already used; launch the tool again from the LMS.",
    );
  }
  const login = await deps.launches.takeState(state);
  if (!login || login.platformId !== platform.id) {
    throw new LtiError(401, "invalid_state", "The login state is unknown or expired; launch the tool again.");
  }
  if (login.nonce !== claims.nonce) {
    throw new LtiError(401, "nonce_mismatch", "The id_token's nonce is not the one this login asked for.");
  }
  return readLaunch(platform, claims);
}

/** The registered platform that issued the token (by iss and aud, read before the signature is checked). */
async function platformOf(deps: LaunchDeps, idToken: string): Promise<LtiPlatform> {
  let unverified: ReturnType<typeof decodeJwt>;
  try {
    unverified = decodeJwt(idToken);
  } catch {
    throw new LtiError(400, "invalid_id_token", "The id_token is not a JWT.");
  }
  const audiences = typeof unverified.aud === "string" ? [unverified.aud] : (unverified.aud ?? []);
  const issuer = typeof unverified.iss === "string" ? unverified.iss : "";
  const candidates = issuer ? await deps.platforms.findByIssuer(issuer) : [];
  if (candidates.length === 0) {
    throw new LtiError(
      401,
      "unknown_platform",
      "The id_token comes from a platform this tool has not registered.",
    );
  }
  const platform = candidates.find((p) => audiences.includes(p.clientId));
  if (!platform)
    throw new LtiError(401, "wrong_audience", "The id_token is not addressed to this tool's client id.");
  return platform;
}

async function verifyToken(deps: LaunchDeps, platform: LtiPlatform, idToken: string): Promise<LaunchClaims> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(idToken, deps.keySets.forUrl(platform.jwksUrl), {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: ["RS256", "RS384", "RS512", "ES256", "PS256"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: MAX_TOKEN_AGE_SECONDS,
      requiredClaims: ["exp", "iat", "nonce"],
    }));
  } catch (error) {
    throw verificationError(error);
  }
  const parsed = launchClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    const fields = parsed.error.issues
      .map((issue) => issue.path.join("."))
      .slice(0, 3)
      .join(", ");
    throw new LtiError(400, "invalid_claims", `The id_token's LTI claims are malformed (${fields}).`);
  }
  return parsed.data;
}

function verificationError(error: unknown): LtiError {
  if (error instanceof errors.JWTExpired)
    return new LtiError(401, "token_expired", "The id_token has expired.");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud")
      return new LtiError(401, "wrong_audience", "The id_token is not addressed to this tool.");
    if (error.claim === "iss")
      return new LtiError(401, "wrong_issuer", "The id_token's issuer does not match.");
    if (error.claim === "iat")
      return new LtiError(401, "token_expired", "The id_token was issued too long ago.");
    return new LtiError(401, "invalid_claims", `The id_token's ${error.claim} claim is not acceptable.`);
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid
  ) {
    return new LtiError(
      401,
      "invalid_signature",
      "The id_token's signature does not verify with the platform's keys.",
    );
  }
  return new LtiError(
    503,
    "platform_keys_unavailable",
    "The platform's public keys could not be fetched; try again.",
  );
}

function readLaunch(platform: LtiPlatform, claims: LaunchClaims): Launch {
  const messageType = claims[CLAIMS.messageType];
  if (!(MESSAGE_TYPES as readonly string[]).includes(messageType)) {
    throw new LtiError(
      400,
      "unsupported_message_type",
      `This tool does not handle ${messageType.slice(0, 80)} messages.`,
    );
  }
  if (claims[CLAIMS.version] !== LTI_VERSION) {
    throw new LtiError(400, "unsupported_version", `This tool speaks LTI ${LTI_VERSION} only.`);
  }
  const deploymentId = claims[CLAIMS.deploymentId];
  if (!platform.deploymentIds.includes(deploymentId)) {
    throw new LtiError(
      403,
      "unknown_deployment",
      `Deployment ${deploymentId.slice(0, 80)} is not registered with this tool.`,
    );
  }
  const link = claims[CLAIMS.resourceLink];
  if (messageType === "LtiResourceLinkRequest" && !link) {
    throw new LtiError(400, "invalid_claims", "A resource-link launch must name its resource link.");
  }
  const settings = claims[CLAIMS.deepLinkingSettings];
  if (messageType === "LtiDeepLinkingRequest" && !settings) {
    throw new LtiError(400, "invalid_claims", "A deep-linking request must carry its deep-linking settings.");
  }
  const context = claims[CLAIMS.context];
  return {
    platform,
    deploymentId,
    messageType: messageType as MessageType,
    ...(claims.sub ? { userId: claims.sub } : {}),
    staff: isStaff(claims[CLAIMS.roles]),
    // Without a context (a link outside any course site) the link itself is the context.
    context: context
      ? { id: context.id, title: context.title ?? context.label ?? "" }
      : { id: `link:${link?.id ?? "none"}`, title: link?.title ?? "" },
    ...(link ? { resourceLink: { id: link.id, title: link.title ?? "" } } : {}),
    ...(settings
      ? {
          deepLinking: {
            returnUrl: settings.deep_link_return_url,
            ...(settings.data ? { data: settings.data } : {}),
            acceptsLinks: settings.accept_types.includes("ltiResourceLink"),
          },
        }
      : {}),
    custom: claims[CLAIMS.custom] ?? {},
    ...(claims.name || claims.given_name ? { displayName: claims.given_name ?? claims.name } : {}),
  };
}
