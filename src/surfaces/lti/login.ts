import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { LtiLaunchRepository, LtiPlatform, LtiPlatformRepository } from "../../db/index.ts";
import { LtiError } from "./errors.ts";

/** A login has this long to come back as a launch. */
const STATE_TTL_SECONDS = 600;
/** How often, at most, a login also deletes expired states and nonces. */
const PRUNE_EVERY_MS = 10 * 60_000;

const param = z.string().min(1).max(2_048);

/** The OIDC third-party login initiation a platform sends (query string or form body). */
export const loginParamsSchema = z.object({
  iss: param,
  login_hint: param,
  target_link_uri: param,
  lti_message_hint: param.optional(),
  client_id: param.optional(),
  lti_deployment_id: param.optional(),
});

export type LoginParams = z.infer<typeof loginParamsSchema>;

export interface LoginDeps {
  platforms: LtiPlatformRepository;
  launches: LtiLaunchRepository;
}

/**
 * Starts a launch: finds the registered platform, records a one-time state and nonce, and returns
 * the platform's authorization URL to redirect the browser to (an OIDC implicit-flow request whose
 * id_token comes back as a form post to the tool's launch URL).
 */
export function createLogin(deps: LoginDeps): (params: LoginParams, launchUrl: string) => Promise<URL> {
  let lastPrune = 0;
  return async (params, launchUrl) => {
    const url = await startLogin(deps, params, launchUrl);
    // Logins that never came back and nonces past their use go, piggybacking on traffic.
    if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = Date.now();
      await deps.launches.deleteExpired();
    }
    return url;
  };
}

async function startLogin(deps: LoginDeps, params: LoginParams, launchUrl: string): Promise<URL> {
  const platform = await findPlatform(deps, params);
  if (params.lti_deployment_id && !platform.deploymentIds.includes(params.lti_deployment_id)) {
    throw new LtiError(
      403,
      "unknown_deployment",
      `Deployment ${params.lti_deployment_id.slice(0, 80)} is not registered with this tool.`,
    );
  }
  // Launches land on this tool only: a target on another site would make the login an open redirect.
  if (!sameOrigin(params.target_link_uri, launchUrl)) {
    throw new LtiError(400, "invalid_target", "target_link_uri must be an address of this tool.");
  }
  const state = randomBytes(24).toString("base64url");
  const nonce = randomBytes(24).toString("base64url");
  await deps.launches.saveState({ state, nonce, platformId: platform.id, ttlSeconds: STATE_TTL_SECONDS });

  const auth = new URL(platform.authEndpoint);
  const query = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: platform.clientId,
    redirect_uri: launchUrl,
    login_hint: params.login_hint,
    state,
    nonce,
    ...(params.lti_message_hint ? { lti_message_hint: params.lti_message_hint } : {}),
  };
  for (const [name, value] of Object.entries(query)) auth.searchParams.set(name, value);
  return auth;
}

async function findPlatform(deps: LoginDeps, params: LoginParams): Promise<LtiPlatform> {
  const candidates = await deps.platforms.findByIssuer(params.iss, params.client_id);
  if (candidates.length === 0) {
    throw new LtiError(
      400,
      "unknown_platform",
      "This LMS is not registered with the tutor; an admin registers it first (see docs/lti.md).",
    );
  }
  if (candidates.length > 1) {
    throw new LtiError(
      400,
      "ambiguous_platform",
      "Several registrations share this issuer; the LMS must send client_id with the login.",
    );
  }
  return candidates[0] as LtiPlatform;
}

function sameOrigin(target: string, launchUrl: string): boolean {
  try {
    return new URL(target).origin === new URL(launchUrl).origin;
  } catch {
    return false;
  }
}
