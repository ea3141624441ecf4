import type { Db } from "./db.ts";

/** A key pair of the tool, as JWKs (the private one never leaves the server). */
export interface LtiToolKey {
  kid: string;
  privateJwk: Record<string, unknown>;
  publicJwk: Record<string, unknown>;
  createdAt: string;
  retiredAt: string | null;
}

interface KeyRow {
  kid: string;
  private_jwk: Record<string, unknown> | string;
  public_jwk: Record<string, unknown> | string;
  created_at: Date | string;
  retired_at: Date | string | null;
}

const json = (value: Record<string, unknown> | string) =>
  typeof value === "string" ? (JSON.parse(value) as Record<string, unknown>) : value;

function toKey(row: KeyRow): LtiToolKey {
  return {
    kid: row.kid,
    privateJwk: json(row.private_jwk),
    publicJwk: json(row.public_jwk),
    createdAt: new Date(row.created_at).toISOString(),
    retiredAt: row.retired_at === null ? null : new Date(row.retired_at).toISOString(),
  };
}

/** The tool's signing keys (`lti_tool_keys`) and the secrets it generates once (`lti_secrets`). */
export class LtiKeyRepository {
  constructor(private readonly db: Db) {}

  async current(): Promise<LtiToolKey | undefined> {
    const { rows } = await this.db.query<KeyRow>(
      "SELECT kid, private_jwk, public_jwk, created_at, retired_at FROM lti_tool_keys WHERE retired_at IS NULL",
    );
    return rows[0] ? toKey(rows[0]) : undefined;
  }

  /** The current key and those retired less than `graceHours` ago, newest first. */
  async published(graceHours: number): Promise<LtiToolKey[]> {
    const { rows } = await this.db.query<KeyRow>(
      `SELECT kid, private_jwk, public_jwk, created_at, retired_at FROM lti_tool_keys
        WHERE retired_at IS NULL OR retired_at > now() - make_interval(hours => $1)
        ORDER BY created_at DESC`,
      [graceHours],
    );
    return rows.map(toKey);
  }

  async list(): Promise<LtiToolKey[]> {
    const { rows } = await this.db.query<KeyRow>(
      "SELECT kid, private_jwk, public_jwk, created_at, retired_at FROM lti_tool_keys ORDER BY created_at DESC",
    );
    return rows.map(toKey);
  }

  /**
   * Makes `key` the current key. With `replace`, the current one retires; without, a key that is
   * already current wins (two replicas creating the first key at once agree on one).
   */
  async install(
    key: Pick<LtiToolKey, "kid" | "privateJwk" | "publicJwk">,
    replace: boolean,
  ): Promise<LtiToolKey> {
    return this.db.transaction(async (tx) => {
      if (replace) await tx.query("UPDATE lti_tool_keys SET retired_at = now() WHERE retired_at IS NULL");
      await tx.query(
        `INSERT INTO lti_tool_keys (kid, private_jwk, public_jwk) VALUES ($1, $2::jsonb, $3::jsonb)
         ON CONFLICT DO NOTHING`,
        [key.kid, JSON.stringify(key.privateJwk), JSON.stringify(key.publicJwk)],
      );
      const { rows } = await tx.query<KeyRow>(
        "SELECT kid, private_jwk, public_jwk, created_at, retired_at FROM lti_tool_keys WHERE retired_at IS NULL",
      );
      return toKey(rows[0] as KeyRow);
    });
  }

  /** The secret stored under `name`, created from `generate()` the first time it is asked for. */
  async secret(name: string, generate: () => string): Promise<string> {
    await this.db.query(
      "INSERT INTO lti_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
      [name, generate()],
    );
    const { rows } = await this.db.query<{ value: string }>("SELECT value FROM lti_secrets WHERE name = $1", [
      name,
    ]);
    return (rows[0] as { value: string }).value;
  }
}
