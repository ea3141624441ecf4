import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccountError, hashToken, StaffAccounts } from "../../src/accounts/index.ts";
import { openEmptyDb } from "../helpers/db.ts";

describe("staff accounts", () => {
  let db: Awaited<ReturnType<typeof openEmptyDb>>;
  let accounts: StaffAccounts;

  beforeAll(async () => {
    db = await openEmptyDb();
    await db.query("INSERT INTO courses (id, title) VALUES ('ml200', 'ML'), ('bio100', 'Biology')");
    accounts = new StaffAccounts(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  const code = (promise: Promise<unknown>) =>
    promise.then(
      () => "ok",
      (error: unknown) => (error instanceof AccountError ? error.code : String(error)),
    );

  it("bootstraps an admin, signs in by email and password, and keeps only hashes of secrets", async () => {
    const first = await accounts.bootstrapAdmin({
      email: " Ada@Example.edu ",
      name: "Ada",
      password: "correct horse battery",
    });
    expect(first.user).toMatchObject({ email: "ada@example.edu", name: "Ada", isAdmin: true });
    const signedIn = await accounts.signIn("ADA@example.edu", "correct horse battery");
    expect(signedIn.token).not.toBe(first.token);
    expect(await code(accounts.signIn("ada@example.edu", "wrong horse battery"))).toBe("invalid_credentials");
    expect(await code(accounts.signIn("nobody@example.edu", "correct horse battery"))).toBe(
      "invalid_credentials",
    );
    const principal = await accounts.principal(signedIn.token);
    expect(principal?.kind === "user" && principal.user.isAdmin).toBe(true);
    expect(await accounts.principal("made-up-token")).toBeUndefined();
    // The database holds the token's hash, never the token.
    const { rows } = await db.query<{ token_hash: string }>("SELECT token_hash FROM staff_sessions");
    expect(rows.map((r) => r.token_hash)).toContain(hashToken(signedIn.token));
    expect(JSON.stringify(rows)).not.toContain(signedIn.token);
    const { rows: users } = await db.query<{ password_hash: string }>(
      "SELECT password_hash FROM staff_users",
    );
    expect(JSON.stringify(users)).not.toContain("correct horse battery");
  });

  it("ends a session on sign-out", async () => {
    const session = await accounts.signIn("ada@example.edu", "correct horse battery");
    const principal = await accounts.principal(session.token);
    if (principal?.kind !== "user") throw new Error("expected a signed-in user");
    await accounts.signOut(principal.sessionHash);
    expect(await accounts.principal(session.token)).toBeUndefined();
  });

  it("uses an invite once, then refuses it", async () => {
    const { token, invite } = await accounts.invite({
      email: "tim@example.edu",
      role: "ta",
      course: "ml200",
      invitedBy: null,
    });
    expect(invite).toMatchObject({ email: "tim@example.edu", role: "ta", course: "ml200", usedAt: null });
    expect((await accounts.previewInvite(token)).hasAccount).toBe(false);
    const joined = await accounts.acceptInvite({ token, name: "Tim", password: "a long enough password" });
    const principal = await accounts.principal(joined.token);
    expect(principal?.kind === "user" && principal.memberships).toEqual([{ course: "ml200", role: "ta" }]);
    expect(await code(accounts.acceptInvite({ token, name: "Eve", password: "another long password" }))).toBe(
      "invalid_invite",
    );
    expect(await code(accounts.previewInvite(token))).toBe("invalid_invite");
  });

  it("adds a second course to an existing account only with that account's password", async () => {
    const { token } = await accounts.invite({
      email: "tim@example.edu",
      role: "instructor",
      course: "bio100",
      invitedBy: null,
    });
    expect((await accounts.previewInvite(token)).hasAccount).toBe(true);
    expect(await code(accounts.acceptInvite({ token, name: "", password: "not tim's password" }))).toBe(
      "invalid_credentials",
    );
    // A wrong password does not use the invite up.
    const joined = await accounts.acceptInvite({ token, name: "", password: "a long enough password" });
    const principal = await accounts.principal(joined.token);
    expect(principal?.kind === "user" && principal.memberships).toEqual([
      { course: "bio100", role: "instructor" },
      { course: "ml200", role: "ta" },
    ]);
  });

  it("refuses expired invites and sessions", async () => {
    const short = new StaffAccounts(db, { inviteDays: -1, sessionHours: -1 });
    const { token } = await short.invite({
      email: "late@example.edu",
      role: "ta",
      course: "ml200",
      invitedBy: null,
    });
    expect(await code(short.previewInvite(token))).toBe("invalid_invite");
    const session = await short.signIn("ada@example.edu", "correct horse battery");
    expect(await short.principal(session.token)).toBeUndefined();
  });

  it("revokes open invites, and lists only the courses asked for", async () => {
    const { invite } = await accounts.invite({
      email: "x@example.edu",
      role: "ta",
      course: "bio100",
      invitedBy: null,
    });
    await accounts.invite({ email: "y@example.edu", role: "admin", course: "ml200", invitedBy: null });
    expect((await accounts.listInvites(["bio100"])).map((i) => i.email)).toEqual(["x@example.edu"]);
    expect((await accounts.listInvites(null)).map((i) => i.email)).toEqual(
      expect.arrayContaining(["x@example.edu", "y@example.edu"]),
    );
    // An admin invite is for every course, whatever course it was sent with.
    expect((await accounts.listInvites(null)).find((i) => i.email === "y@example.edu")?.course).toBeNull();
    expect(await accounts.revokeInvite(invite.id)).toBe(true);
    expect((await accounts.listInvites(["bio100"])).length).toBe(0);
  });
});
