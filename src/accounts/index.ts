/**
 * Console accounts: staff who sign in to the instructor console, their roles per course, one-time
 * invites, sessions, and the scrypt password hashes behind them.
 */
export {
  defaultScryptCost,
  hashPassword,
  PASSWORD_LENGTH,
  type ScryptCost,
  verifyPassword,
} from "./passwords.ts";
export {
  type CourseAction,
  can,
  isAdmin,
  mayInvite,
  type Principal,
  roleIn,
  type StaffRole,
  visibleCourses,
} from "./roles.ts";
export {
  AccountError,
  type AccountErrorCode,
  defaultStaffAccountsOptions,
  normalizeEmail,
  type SignedIn,
  StaffAccounts,
  type StaffAccountsOptions,
} from "./staff-accounts.ts";
export { hashToken, newToken, sameSecret } from "./tokens.ts";
