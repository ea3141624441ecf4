import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/**
 * Passwords are stored as scrypt hashes, a memory-hard KDF in node:crypto: `scrypt$N$r$p$salt$hash`
 * with a fresh 16-byte salt per password. N = 2^15 and r = 8 make every guess cost 32 MiB of
 * memory, which is what makes GPU and ASIC guessing expensive; p = 1 keeps one sign-in on one core.
 */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const defaultScryptCost: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;

/** Shortest and longest password accepted (long passphrases welcome; a cap keeps hashing bounded). */
export const PASSWORD_LENGTH = { min: 10, max: 200 } as const;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // scrypt needs 128 · N · r bytes; allow twice that so Node does not refuse the cost.
  const maxmem = 256 * cost.N * cost.r;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_BYTES, { ...cost, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, cost: ScryptCost = defaultScryptCost): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** Whether `password` matches a stored hash; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // Only costs this code could have written: a tampered row must not make a sign-in allocate gigabytes.
  if (
    !(Number.isInteger(Math.log2(N)) && N >= 2 ** 10 && N <= 2 ** 20 && r >= 1 && r <= 32 && p >= 1 && p <= 4)
  )
    return false;
  const expected = Buffer.from(parts[5] as string, "base64url");
  const key = await derive(password, Buffer.from(parts[4] as string, "base64url"), { N, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let decoy: Promise<string> | undefined;

/** A stored-looking hash of nothing, checked when the account does not exist so timing says nothing. */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(12).toString("hex"));
  return decoy;
}
