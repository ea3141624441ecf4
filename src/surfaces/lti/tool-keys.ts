import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import { type Db, LtiKeyRepository, type LtiToolKey } from "../../db/index.ts";

export interface ToolKeyOptions {
  /** How long a retired key stays in the published JWKS after a rotation. */
  graceHours: number;
}

/** What a key listing shows: never the private part. */
export interface ToolKeyInfo {
  kid: string;
  createdAt: string;
  retiredAt: string | null;
  current: boolean;
}

async function newKey(): Promise<Pick<LtiToolKey, "kid" | "privateJwk" | "publicJwk">> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", {
    modulusLength: 2048,
    extractable: true,
  });
  const kid = randomBytes(12).toString("base64url");
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: "RS256", use: "sig" };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  return { kid, privateJwk, publicJwk };
}

/**
 * The tool's RS256 signing keys, generated on first use and kept in the database so every
 * replica signs with the same key. A rotation makes a new key current; the old one stays in
 * the JWKS for the grace period, so messages signed just before still verify.
 */
export class ToolKeys {
  private readonly repo: LtiKeyRepository;

  constructor(
    db: Db,
    private readonly options: ToolKeyOptions,
  ) {
    this.repo = new LtiKeyRepository(db);
  }

  private async currentKey(): Promise<LtiToolKey> {
    return (await this.repo.current()) ?? (await this.repo.install(await newKey(), false));
  }

  async rotate(): Promise<ToolKeyInfo> {
    const installed = await this.repo.install(await newKey(), true);
    return { kid: installed.kid, createdAt: installed.createdAt, retiredAt: null, current: true };
  }

  async list(): Promise<ToolKeyInfo[]> {
    return (await this.repo.list()).map((key) => ({
      kid: key.kid,
      createdAt: key.createdAt,
      retiredAt: key.retiredAt,
      current: key.retiredAt === null,
    }));
  }

  /** The public keys platforms verify the tool's messages with (the current key first). */
  async jwks(): Promise<{ keys: JWK[] }> {
    await this.currentKey();
    return { keys: (await this.repo.published(this.options.graceHours)).map((key) => key.publicJwk as JWK) };
  }

  /** Signs a message to a platform with the current key, its `kid` in the header. */
  async sign(payload: Record<string, unknown>): Promise<string> {
    const key = await this.currentKey();
    const privateKey = await importJWK(key.privateJwk as JWK, "RS256");
    return new SignJWT(payload)
      .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
      .sign(privateKey);
  }
}
