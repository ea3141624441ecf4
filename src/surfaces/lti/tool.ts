import {
  type ConversationStore,
  CourseRepository,
  type Db,
  LtiLaunchRepository,
  type LtiPlatform,
  LtiPlatformRepository,
} from "../../db/index.ts";
import { LTI_DEFAULTS } from "./defaults.ts";
import { createLogin, type LoginParams } from "./login.ts";
import { type PlatformKeyOptions, PlatformKeySets } from "./platform-keys.ts";
import { LtiSecrets } from "./secrets.ts";
import { ToolKeys } from "./tool-keys.ts";

export interface LtiToolDeps {
  db: Db;
  conversations: ConversationStore;
  /** The tutor's public address; launch and JWKS URLs are built from it (else from the request). */
  publicBaseUrl?: string;
  /** Replaces the generated key that pseudonymises LMS user ids. */
  pseudonymSecret?: string;
  /** How long a rotated-out tool key stays in the published JWKS (default LTI_DEFAULTS). */
  keyGraceHours?: number;
  platformKeys?: PlatformKeyOptions;
  /** Where instructors manage a course (the instructor console). */
  consoleUrl?: (course: string) => string;
}

/** The parts of the LTI tool its routes and admin routes share. */
export interface LtiTool {
  deps: LtiToolDeps;
  platforms: LtiPlatformRepository;
  launches: LtiLaunchRepository;
  courses: CourseRepository;
  keys: ToolKeys;
  secrets: LtiSecrets;
  keySets: PlatformKeySets;
  login: (params: LoginParams, launchUrl: string) => Promise<URL>;
  consoleUrl: (course: string) => string;
  /** The courses a platform's instructors may choose, by id. */
  choosableCourses(platform: LtiPlatform): Promise<{ id: string; title: string }[]>;
}

export function createLtiTool(deps: LtiToolDeps): LtiTool {
  const platforms = new LtiPlatformRepository(deps.db);
  const launches = new LtiLaunchRepository(deps.db);
  const courses = new CourseRepository(deps.db);
  return {
    deps,
    platforms,
    launches,
    courses,
    keys: new ToolKeys(deps.db, { graceHours: deps.keyGraceHours ?? LTI_DEFAULTS.keyGraceHours }),
    secrets: new LtiSecrets(deps.db, deps.pseudonymSecret),
    keySets: new PlatformKeySets(deps.platformKeys),
    login: createLogin({ platforms, launches }),
    consoleUrl: deps.consoleUrl ?? ((course) => `/console/courses/${encodeURIComponent(course)}`),
    async choosableCourses(platform) {
      const live = await courses.listLive();
      const allowed = platform.courses ? new Set(platform.courses) : undefined;
      return live.filter((c) => !allowed || allowed.has(c.id)).map((c) => ({ id: c.id, title: c.title }));
    },
  };
}
