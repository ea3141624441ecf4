import { createHmac, randomBytes } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { type Db, LtiKeyRepository } from "../../db/index.ts";

const generate = () => randomBytes(32).toString("base64url");

/** How long a page's form token (course choice, deep linking) stays good after the launch. */
const FORM_TOKEN_TTL = "1h";
const FORM_AUDIENCE = "course-tutor:lti-form";

/**
 * The tool's own secrets: the key that pseudonymises LMS user ids, and the key that signs the
 * tokens its pages post back (which course an instructor chose, a deep-linking request). Both
 * are generated once and kept in the database, so every replica agrees; LTI_PSEUDONYM_SECRET
 * replaces the first (to keep pseudonyms stable across databases).
 */
export class LtiSecrets {
  private readonly repo: LtiKeyRepository;
  private pseudonymKey: Promise<string> | undefined;
  private formKey: Promise<Uint8Array> | undefined;

  constructor(
    db: Db,
    private readonly pseudonymSecret?: string,
  ) {
    this.repo = new LtiKeyRepository(db);
  }

  /** The LMS user as the tutor knows them: an HMAC of the platform's issuer and the user id. */
  async pseudonym(issuer: string, userId: string): Promise<string> {
    this.pseudonymKey ??= this.pseudonymSecret
      ? Promise.resolve(this.pseudonymSecret)
      : this.repo.secret("pseudonym", generate);
    const key = await this.pseudonymKey.catch((error: unknown) => {
      this.pseudonymKey = undefined;
      throw error;
    });
    return createHmac("sha256", key).update(`${issuer}\n${userId}`).digest("base64url");
  }

  private async formSecret(): Promise<Uint8Array> {
    this.formKey ??= this.repo.secret("form", generate).then((value) => new TextEncoder().encode(value));
    return this.formKey.catch((error: unknown) => {
      this.formKey = undefined;
      throw error;
    });
  }

  /** A short-lived signed token carrying what a page's form needs to act on the launch. */
  async signForm(purpose: string, claims: Record<string, unknown>): Promise<string> {
    return new SignJWT({ ...claims, purpose })
      .setProtectedHeader({ alg: "HS256" })
      .setAudience(FORM_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(FORM_TOKEN_TTL)
      .sign(await this.formSecret());
  }

  /** The claims of a form token made for `purpose`; undefined when it is forged, expired or another's. */
  async verifyForm(purpose: string, token: string): Promise<Record<string, unknown> | undefined> {
    try {
      const { payload } = await jwtVerify(token, await this.formSecret(), {
        audience: FORM_AUDIENCE,
        algorithms: ["HS256"],
      });
      return payload.purpose === purpose ? payload : undefined;
    } catch {
      return undefined;
    }
  }
}
