/**
 * The one database seam. Both backends (embedded PGlite and server Postgres through `pg`) speak
 * the same SQL; this interface hides how a query reaches them.
 */
export type SqlParam = string | number | boolean | null | Date | string[] | number[] | Uint8Array;

export interface Queryable {
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly SqlParam[],
  ): Promise<{ rows: Row[]; rowCount: number }>;
}

export interface Db extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `work` inside BEGIN/COMMIT; any throw rolls back. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Raised when the database cannot be reached; the API turns it into a 503. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const unreachableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "08000",
  "08001",
  "08003",
  "08006",
]);

/** What `pg` and PGlite say when the connection, not the query, failed. */
const unreachableMessage = new RegExp(
  [
    "Connection terminated",
    "connection timeout",
    "Client has encountered a connection error",
    "PGlite is closed",
    "not connected",
  ].join("|"),
  "i",
);

export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && unreachableCodes.has(code)) return true;
  return unreachableMessage.test(error.message);
}

/** Formats a vector for a `$n::vector` parameter (pgvector's text form). */
export function toVectorLiteral(values: ArrayLike<number>): string {
  let out = "[";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ",";
    const v = values[i] as number;
    if (!Number.isFinite(v)) throw new RangeError("vector holds a non-finite value");
    out += String(Math.fround(v));
  }
  return `${out}]`;
}

export function fromVectorLiteral(text: string): Float32Array {
  const inner = text.trim().replace(/^\[/, "").replace(/\]$/, "");
  if (inner === "") return new Float32Array(0);
  return Float32Array.from(inner.split(","), Number);
}
