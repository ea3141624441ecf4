import type { Queryable } from "./db.ts";

/** An LMS registered with this tool (LTI 1.3): who signs its launches and where to send logins. */
export interface LtiPlatform {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  authEndpoint: string;
  jwksUrl: string;
  deploymentIds: string[];
  /** Courses its instructors may choose; null allows every course. */
  courses: string[] | null;
  createdAt: string;
  updatedAt: string;
}

export type LtiPlatformFields = Omit<LtiPlatform, "id" | "createdAt" | "updatedAt">;

interface PlatformRow {
  id: string;
  name: string;
  issuer: string;
  client_id: string;
  auth_endpoint: string;
  jwks_url: string;
  deployment_ids: string[];
  courses: string[] | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS =
  "id, name, issuer, client_id, auth_endpoint, jwks_url, deployment_ids, courses, created_at, updated_at";

function toPlatform(row: PlatformRow): LtiPlatform {
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.client_id,
    authEndpoint: row.auth_endpoint,
    jwksUrl: row.jwks_url,
    deploymentIds: row.deployment_ids,
    courses: row.courses,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** A registration's fields in column order ($2 onwards). */
function fieldParams(fields: LtiPlatformFields) {
  const { name, issuer, clientId, authEndpoint, jwksUrl, deploymentIds, courses } = fields;
  return [name, issuer, clientId, authEndpoint, jwksUrl, deploymentIds, courses];
}

/** The `lti_platforms` table. */
export class LtiPlatformRepository {
  constructor(private readonly db: Queryable) {}

  /** Registers a platform; `undefined` when this issuer and client id are registered already. */
  async create(id: string, fields: LtiPlatformFields): Promise<LtiPlatform | undefined> {
    const { rows } = await this.db.query<PlatformRow>(
      `INSERT INTO lti_platforms (id, name, issuer, client_id, auth_endpoint, jwks_url, deployment_ids, courses)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (issuer, client_id) DO NOTHING
       RETURNING ${COLUMNS}`,
      [id, ...fieldParams(fields)],
    );
    return rows[0] ? toPlatform(rows[0]) : undefined;
  }

  async update(id: string, fields: LtiPlatformFields): Promise<LtiPlatform | undefined> {
    const { rows } = await this.db.query<PlatformRow>(
      `UPDATE lti_platforms SET name = $2, issuer = $3, client_id = $4, auth_endpoint = $5, jwks_url = $6,
              deployment_ids = $7, courses = $8, updated_at = now()
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, ...fieldParams(fields)],
    );
    return rows[0] ? toPlatform(rows[0]) : undefined;
  }

  async list(): Promise<LtiPlatform[]> {
    const { rows } = await this.db.query<PlatformRow>(
      `SELECT ${COLUMNS} FROM lti_platforms ORDER BY created_at, id`,
    );
    return rows.map(toPlatform);
  }

  async find(id: string): Promise<LtiPlatform | undefined> {
    const { rows } = await this.db.query<PlatformRow>(`SELECT ${COLUMNS} FROM lti_platforms WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? toPlatform(rows[0]) : undefined;
  }

  /** The platforms registered for an issuer, narrowed to one client id when it is known. */
  async findByIssuer(issuer: string, clientId?: string): Promise<LtiPlatform[]> {
    const { rows } = await this.db.query<PlatformRow>(
      `SELECT ${COLUMNS} FROM lti_platforms WHERE issuer = $1 AND ($2::text IS NULL OR client_id = $2)
        ORDER BY created_at, id`,
      [issuer, clientId ?? null],
    );
    return rows.map(toPlatform);
  }

  /** Deletes a platform with its contexts, sessions links and pending logins. */
  async delete(id: string): Promise<boolean> {
    const { rows } = await this.db.query<{ id: string }>(
      "DELETE FROM lti_platforms WHERE id = $1 RETURNING id",
      [id],
    );
    return rows.length === 1;
  }
}
