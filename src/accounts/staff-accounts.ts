import { randomUUID } from "node:crypto";
import { withDefaults } from "../core/options.ts";
import {
  type Db,
  type InviteRole,
  StaffAccessRepository,
  type StaffInvite,
  StaffRepository,
  type StaffUser,
} from "../db/index.ts";
import { decoyHash, defaultScryptCost, hashPassword, type ScryptCost, verifyPassword } from "./passwords.ts";
import type { Principal } from "./roles.ts";
import { hashToken, newToken } from "./tokens.ts";

export interface StaffAccountsOptions {
  /** How long a console sign-in lasts. */
  sessionHours?: number;
  /** How long an invite link stays valid. */
  inviteDays?: number;
  cost?: ScryptCost;
}

export const defaultStaffAccountsOptions = {
  sessionHours: 12,
  inviteDays: 7,
  cost: defaultScryptCost,
} satisfies StaffAccountsOptions;

export type AccountErrorCode = "invalid_credentials" | "invalid_invite";

/** A sign-in or invite that cannot go through; the message is safe to show. */
export class AccountError extends Error {
  override name = "AccountError";
  constructor(
    readonly code: AccountErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A new console session: the cookie's secret, the CSRF token to echo, and who signed in. */
export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: StaffUser;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Console accounts: the admin the admin token bootstraps, password sign-in, sessions, and the
 * one-time invites through which admins and instructors bring in instructors and TAs.
 */
export class StaffAccounts {
  private readonly users: StaffRepository;
  private readonly access: StaffAccessRepository;
  private readonly options: Required<StaffAccountsOptions>;

  constructor(
    private readonly db: Db,
    options: StaffAccountsOptions = {},
  ) {
    this.users = new StaffRepository(db);
    this.access = new StaffAccessRepository(db);
    this.options = withDefaults(defaultStaffAccountsOptions, options);
  }

  /**
   * Creates the admin account (or, for an existing email, sets its password and makes it an
   * admin) and signs it in. The caller has checked the admin token.
   */
  async bootstrapAdmin(input: { email: string; name: string; password: string }): Promise<SignedIn> {
    const email = normalizeEmail(input.email);
    const passwordHash = await hashPassword(input.password, this.options.cost);
    const existing = await this.users.findByEmail(email);
    if (existing) {
      await this.users.update(existing.id, { passwordHash, name: input.name, makeAdmin: true });
      await this.access.deleteSessionsOf(existing.id);
      return this.startSession(existing.id);
    }
    const id = randomUUID();
    await this.users.create({ id, email, name: input.name.trim(), isAdmin: true, passwordHash });
    return this.startSession(id);
  }

  async signIn(emailInput: string, password: string): Promise<SignedIn> {
    const user = await this.users.findByEmail(normalizeEmail(emailInput));
    // An unknown email costs a hash too, so the reply time does not say which emails have accounts.
    const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !matches)
      throw new AccountError("invalid_credentials", "That email and password do not match.");
    return this.startSession(user.id);
  }

  /** The signed-in person behind a session cookie, with their roles; undefined when it expired or never was. */
  async principal(token: string): Promise<Principal | undefined> {
    const sessionHash = hashToken(token);
    const session = await this.access.session(sessionHash);
    if (!session) return undefined;
    const user = await this.users.get(session.userId);
    if (!user) return undefined;
    const memberships = await this.users.memberships(user.id);
    return { kind: "user", user, memberships, csrfToken: session.csrfToken, sessionHash };
  }

  async signOut(sessionHash: string): Promise<void> {
    await this.access.deleteSession(sessionHash);
  }

  /** A one-time invite link's token (shown once) and its record. */
  async invite(input: {
    email: string;
    role: InviteRole;
    course: string | null;
    invitedBy: string | null;
  }): Promise<{ token: string; invite: StaffInvite }> {
    const token = newToken();
    const invite = await this.access.createInvite({
      tokenHash: hashToken(token),
      email: normalizeEmail(input.email),
      role: input.role,
      course: input.role === "admin" ? null : input.course,
      invitedBy: input.invitedBy,
      expiresAt: new Date(Date.now() + this.options.inviteDays * 86_400_000),
    });
    return { token, invite };
  }

  /** What an invite link offers, and whether its email has an account already (then its password is asked). */
  async previewInvite(token: string): Promise<{ invite: StaffInvite; hasAccount: boolean }> {
    const invite = await this.access.openInvite(hashToken(token));
    if (!invite) throw invalidInvite();
    return { invite, hasAccount: (await this.users.findByEmail(invite.email)) !== undefined };
  }

  /**
   * Uses an invite once: a new email gets an account with this password; an existing account
   * proves itself with its password. Either way the invite's role is granted and the person signed in.
   */
  async acceptInvite(input: { token: string; name: string; password: string }): Promise<SignedIn> {
    const tokenHash = hashToken(input.token);
    const invite = await this.access.openInvite(tokenHash);
    if (!invite) throw invalidInvite();
    const existing = await this.users.findByEmail(invite.email);
    if (existing && !(await verifyPassword(input.password, existing.passwordHash)))
      throw new AccountError(
        "invalid_credentials",
        "That password does not match the account of this email.",
      );
    const passwordHash = existing ? undefined : await hashPassword(input.password, this.options.cost);
    const userId = await this.db.transaction(async (tx) => {
      if (!(await new StaffAccessRepository(tx).useInvite(tokenHash))) throw invalidInvite();
      const users = new StaffRepository(tx);
      const id = existing?.id ?? randomUUID();
      if (existing) await users.update(id, { makeAdmin: invite.role === "admin" });
      else
        await users.create({
          id,
          email: invite.email,
          name: input.name.trim(),
          isAdmin: invite.role === "admin",
          passwordHash: passwordHash as string,
        });
      if (invite.role !== "admin" && invite.course) await users.setMembership(id, invite.course, invite.role);
      return id;
    });
    return this.startSession(userId);
  }

  listInvites(courses: readonly string[] | null): Promise<StaffInvite[]> {
    return this.access.listInvites(courses);
  }

  findInvite(id: string): Promise<StaffInvite | undefined> {
    return this.access.findInviteById(id);
  }

  revokeInvite(id: string): Promise<boolean> {
    return this.access.revokeInvite(id);
  }

  staffOf(course: string) {
    return this.users.staffOf(course);
  }

  removeStaff(userId: string, course: string): Promise<boolean> {
    return this.users.removeMembership(userId, course);
  }

  listUsers(): Promise<StaffUser[]> {
    return this.users.list();
  }

  private async startSession(userId: string): Promise<SignedIn> {
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(Date.now() + this.options.sessionHours * 3_600_000);
    await this.access.createSession({ tokenHash: hashToken(token), userId, csrfToken, expiresAt });
    await this.users.recordLogin(userId);
    // Sign-ins are rare; clearing expired sessions here needs no timer to stop at shutdown.
    await this.access.deleteExpired();
    const user = (await this.users.get(userId)) as StaffUser;
    return { token, csrfToken, expiresAt, user };
  }
}

function invalidInvite(): AccountError {
  return new AccountError("invalid_invite", "This invite link was used already, has expired or was revoked.");
}
