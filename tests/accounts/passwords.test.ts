import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../src/accounts/index.ts";

describe("password hashes", () => {
  it("are scrypt with the stored cost and a fresh salt, and verify only the right password", async () => {
    const first = await hashPassword("correct horse battery");
    const second = await hashPassword("correct horse battery");
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    // Same password, different salt: the hashes differ and reveal nothing about each other.
    expect(first).not.toBe(second);
    expect(await verifyPassword("correct horse battery", first)).toBe(true);
    expect(await verifyPassword("correct horse battery", second)).toBe(true);
    expect(await verifyPassword("correct horse batterY", first)).toBe(false);
    expect(await verifyPassword("", first)).toBe(false);
  });

  it("reads the same password typed in another Unicode form as the same", async () => {
    const stored = await hashPassword("café au lait 42");
    expect(await verifyPassword("cafe\u0301 au lait 42", stored)).toBe(true);
  });

  it("never matches a malformed or tampered hash, and refuses costs it would not write", async () => {
    const stored = await hashPassword("correct horse battery");
    const parts = stored.split("$");
    expect(await verifyPassword("correct horse battery", "plain-text")).toBe(false);
    expect(await verifyPassword("correct horse battery", parts.slice(0, 5).join("$"))).toBe(false);
    // A row edited to demand 2^24 iterations (16 GiB) is refused, not computed.
    const huge = ["scrypt", 2 ** 24, ...parts.slice(2)].join("$");
    expect(await verifyPassword("correct horse battery", huge)).toBe(false);
    // A cheaper cost does not verify either: the key was derived with the stored one.
    const cheaper = ["scrypt", 2 ** 14, ...parts.slice(2)].join("$");
    expect(await verifyPassword("correct horse battery", cheaper)).toBe(false);
  });
});
