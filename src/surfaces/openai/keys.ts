import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { type ApiKeyRecord, ApiKeyRepository, type LiveApiKey, type Queryable } from "../../db/index.ts";

/** A key that passed authentication (its hash left out). */
export type AuthenticatedKey = Omit<LiveApiKey, "keyHash">;

/** Marks tutor keys so people (and secret scanners) can tell them apart from other services' keys. */
export const API_KEY_PREFIX = "ctk_";
/** 32 random bytes: far beyond guessing, so one unsalted SHA-256 is a safe way to store them. */
const KEY_BYTES = 32;
/** How much of a key a listing shows (the marker and a few random characters). */
const SHOWN_CHARACTERS = API_KEY_PREFIX.length + 6;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/**
 * API keys for the OpenAI-compatible API, one course each. The key is returned once, when it is
 * issued; the database keeps only its SHA-256, so a leaked table cannot be used to call the tutor.
 */
export class ApiKeys {
  private readonly repo: ApiKeyRepository;

  constructor(db: Queryable) {
    this.repo = new ApiKeyRepository(db);
  }

  async issue(course: string, name: string): Promise<{ record: ApiKeyRecord; key: string }> {
    const key = `${API_KEY_PREFIX}${randomBytes(KEY_BYTES).toString("base64url")}`;
    const record = await this.repo.create({
      id: randomUUID(),
      course,
      name,
      keyHash: hashApiKey(key),
      prefix: key.slice(0, SHOWN_CHARACTERS),
    });
    return { record, key };
  }

  list(course: string): Promise<ApiKeyRecord[]> {
    return this.repo.list(course);
  }

  revoke(course: string, id: string): Promise<ApiKeyRecord | undefined> {
    return this.repo.revoke(course, id);
  }

  /** The live key a bearer token is, or undefined; the stored hash is compared in constant time. */
  async authenticate(offered: string): Promise<AuthenticatedKey | undefined> {
    if (!offered.startsWith(API_KEY_PREFIX) || offered.length > 200) return undefined;
    const hash = hashApiKey(offered);
    const found = await this.repo.findLive(hash);
    if (!found || !timingSafeEqual(Buffer.from(found.keyHash), Buffer.from(hash))) return undefined;
    await this.repo.touch(found.id);
    const { keyHash: _hash, ...record } = found;
    return record;
  }

  /** The tutor session a conversation (by its hash) continues for this key. */
  sessionFor(keyId: string, conversationHash: string): Promise<string | undefined> {
    return this.repo.sessionFor(keyId, conversationHash);
  }

  linkSession(keyId: string, conversationHash: string, sessionId: string): Promise<void> {
    return this.repo.linkSession(keyId, conversationHash, sessionId);
  }
}
