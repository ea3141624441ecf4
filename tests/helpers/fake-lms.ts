import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  type JWTPayload,
  jwtVerify,
  type KeyObject,
  SignJWT,
} from "jose";
import { readBody } from "./openai-server.ts";

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
export const ROLES = {
  learner: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
  instructor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
  ta: "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
} as const;

/** What one launch is: who, where, which message; `tamper` bends the id_token for rejection tests. */
export interface LaunchSpec {
  user: string;
  roles: string[];
  context: { id: string; title: string };
  message?: "LtiResourceLinkRequest" | "LtiDeepLinkingRequest";
  resourceLink?: { id: string; title: string };
  custom?: Record<string, string>;
  tamper?: {
    /** Sign with a key pair the platform never published (under its real kid). */
    foreignKey?: boolean;
    /** Seconds from now the token expires (negative: already expired). */
    expiresIn?: number;
    audience?: string;
    deploymentId?: string;
  };
}

/** A deep-linking response the platform received and verified. */
export interface ReceivedDeepLink {
  payload: JWTPayload & Record<string, unknown>;
  items: { type: string; title?: string; url?: string; custom?: Record<string, string> }[];
}

export interface FakeLms {
  origin: string;
  issuer: string;
  clientId: string;
  deploymentId: string;
  authEndpoint: string;
  jwksUrl: string;
  /** The registration body for `POST /admin/lti/platforms`. */
  registration(extra?: Record<string, unknown>): Record<string, unknown>;
  /** Records a launch and returns the login initiation parameters the LMS would send. */
  prepareLaunch(spec: LaunchSpec): Record<string, string>;
  /** An LMS course page framing the tool's login for `spec` (for browser tests). */
  coursePageUrl(spec: LaunchSpec): string;
  deepLinks: ReceivedDeepLink[];
  /** Logins the auth endpoint refused, with the reason (wrong redirect_uri, client id…). */
  refusals: string[];
  close(): Promise<void>;
}

/**
 * A local LTI 1.3 platform that speaks the real protocol: its own RS256 key pair published as
 * a JWKS, an OIDC authorization endpoint that checks the tool's login request (client id,
 * redirect_uri, response type…) and answers with a signed id_token auto-posted to the tool,
 * course pages that start third-party logins in a frame, and a deep-linking return URL that
 * verifies the tool's signed response against the tool's JWKS.
 */
export async function startFakeLms(tool: { url: string }): Promise<FakeLms> {
  const kid = `lms-${randomBytes(4).toString("hex")}`;
  const own = await generateKeyPair("RS256");
  const foreign = await generateKeyPair("RS256");
  const publicJwk = { ...(await exportJWK(own.publicKey)), kid, alg: "RS256", use: "sig" };
  const launches = new Map<string, LaunchSpec>();
  const deepLinks: ReceivedDeepLink[] = [];
  const refusals: string[] = [];
  // Refetches at once when a response names a key it has not seen (right after a rotation).
  const toolKeys = createRemoteJWKSet(new URL(`${tool.url}/lti/jwks.json`), { cooldownDuration: 0 });
  const clientId = `tutor-${randomBytes(3).toString("hex")}`;
  const deploymentId = "deployment-1";
  let origin = "";

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error) => {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", origin);
    if (url.pathname === "/jwks") return json(res, { keys: [publicJwk] });
    if (url.pathname === "/auth") return authorize(url.searchParams, res);
    if (url.pathname === "/deep-link-return" && req.method === "POST") {
      return receiveDeepLink(new URLSearchParams(await readBody(req)), res);
    }
    if (url.pathname === "/course") return html(res, coursePage(url.searchParams.get("launch") ?? ""));
    if (url.pathname === "/start") return html(res, startPage(url.searchParams.get("launch") ?? ""));
    res.writeHead(404).end();
  }

  /** The OIDC authorization endpoint: checks the tool's request, then posts the id_token back. */
  async function authorize(query: URLSearchParams, res: ServerResponse): Promise<void> {
    const spec = launches.get(query.get("lti_message_hint") ?? "");
    const problem =
      query.get("scope") !== "openid"
        ? "scope"
        : query.get("response_type") !== "id_token"
          ? "response_type"
          : query.get("response_mode") !== "form_post"
            ? "response_mode"
            : query.get("client_id") !== clientId
              ? "client_id"
              : query.get("redirect_uri") !== `${tool.url}/lti/launch`
                ? "redirect_uri"
                : !query.get("nonce") || !query.get("state")
                  ? "nonce/state"
                  : !spec || query.get("login_hint") !== spec.user
                    ? "login_hint"
                    : undefined;
    if (problem || !spec) {
      refusals.push(problem ?? "launch");
      return html(
        res,
        autoPost(`${tool.url}/lti/launch`, { error: "invalid_request", state: query.get("state") ?? "" }),
      );
    }
    const idToken = await signIdToken(spec, query.get("nonce") as string);
    html(
      res,
      autoPost(query.get("redirect_uri") as string, {
        id_token: idToken,
        state: query.get("state") as string,
      }),
    );
  }

  async function signIdToken(spec: LaunchSpec, nonce: string): Promise<string> {
    const tamper = spec.tamper ?? {};
    const now = Math.floor(Date.now() / 1000);
    const message = spec.message ?? "LtiResourceLinkRequest";
    const link = spec.resourceLink ?? { id: `link-${spec.context.id}`, title: "Course tutor" };
    const claims: Record<string, unknown> = {
      nonce,
      azp: clientId,
      name: `User ${spec.user}`,
      [`${LTI}message_type`]: message,
      [`${LTI}version`]: "1.3.0",
      [`${LTI}deployment_id`]: tamper.deploymentId ?? deploymentId,
      [`${LTI}target_link_uri`]: `${tool.url}/lti/launch`,
      [`${LTI}roles`]: spec.roles,
      [`${LTI}context`]: {
        id: spec.context.id,
        title: spec.context.title,
        label: spec.context.id.toUpperCase(),
      },
      ...(message === "LtiResourceLinkRequest" ? { [`${LTI}resource_link`]: link } : {}),
      ...(spec.custom ? { [`${LTI}custom`]: spec.custom } : {}),
      ...(message === "LtiDeepLinkingRequest"
        ? {
            [`${DL}deep_linking_settings`]: {
              deep_link_return_url: `${origin}/deep-link-return`,
              accept_types: ["ltiResourceLink", "link"],
              accept_presentation_document_targets: ["iframe", "window"],
              data: "opaque-platform-data",
            },
          }
        : {}),
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(origin)
      .setSubject(spec.user)
      .setAudience(tamper.audience ?? clientId)
      .setIssuedAt(tamper.expiresIn !== undefined && tamper.expiresIn < 0 ? now + tamper.expiresIn - 60 : now)
      .setExpirationTime(now + (tamper.expiresIn ?? 300))
      .sign((tamper.foreignKey ? foreign.privateKey : own.privateKey) as KeyObject);
  }

  async function receiveDeepLink(form: URLSearchParams, res: ServerResponse): Promise<void> {
    const { payload } = await jwtVerify(form.get("JWT") ?? "", toolKeys, {
      issuer: clientId,
      audience: origin,
      algorithms: ["RS256"],
    });
    if (payload[`${LTI}message_type`] !== "LtiDeepLinkingResponse")
      throw new Error("not a deep-linking response");
    if (payload[`${LTI}deployment_id`] !== deploymentId) throw new Error("wrong deployment");
    const items = (payload[`${DL}content_items`] ?? []) as ReceivedDeepLink["items"];
    deepLinks.push({ payload: payload as ReceivedDeepLink["payload"], items });
    html(
      res,
      `<!doctype html><title>LMS</title><h1 id="added">Added: ${escapeHtml(items[0]?.title ?? "")}</h1>`,
    );
  }

  function loginParams(id: string, spec: LaunchSpec): Record<string, string> {
    return {
      iss: origin,
      login_hint: spec.user,
      target_link_uri: `${tool.url}/lti/launch`,
      lti_message_hint: id,
      client_id: clientId,
      lti_deployment_id: deploymentId,
    };
  }

  /** An LMS course page: the tool sits in a frame, as Canvas and Moodle embed it. */
  function coursePage(id: string): string {
    return `<!doctype html><title>LMS course</title><h1>LMS course page</h1>
<iframe id="tool" title="Course tutor" src="/start?launch=${encodeURIComponent(id)}" style="width:900px;height:700px"></iframe>`;
  }

  function startPage(id: string): string {
    const spec = launches.get(id);
    return spec ? autoPost(`${tool.url}/lti/login`, loginParams(id, spec)) : "unknown launch";
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    issuer: origin,
    clientId,
    deploymentId,
    authEndpoint: `${origin}/auth`,
    jwksUrl: `${origin}/jwks`,
    deepLinks,
    refusals,
    registration: (extra = {}) => ({
      name: "Fake LMS",
      issuer: origin,
      clientId,
      authEndpoint: `${origin}/auth`,
      jwksUrl: `${origin}/jwks`,
      deploymentIds: [deploymentId],
      ...extra,
    }),
    prepareLaunch(spec) {
      const id = randomUUID();
      launches.set(id, spec);
      return loginParams(id, spec);
    },
    coursePageUrl(spec) {
      const id = randomUUID();
      launches.set(id, spec);
      return `${origin}/course?launch=${id}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function autoPost(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
  return `<!doctype html><title>Launching</title><form method="post" action="${escapeHtml(action)}">${inputs}
<button type="submit">Continue</button></form><script>document.forms[0].submit()</script>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function html(res: ServerResponse, body: string): void {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
}
