import type { CoursePolicy, CoursePolicySource } from "../core/chat.ts";
import { withDefaults } from "../core/options.ts";
import { CourseAdminRepository, type Queryable } from "../db/index.ts";
import { type CourseSettings, policyOf, readCourseSettings, type SettingsChange } from "./settings.ts";

export interface CourseSettingsStoreDeps {
  db: Queryable;
  /** How long a course's settings are reused before they are read again (other replicas' edits). */
  cacheMs?: number;
  now?: () => Date;
  /** Hears a course's settings each time they are read from the database (guard overrides follow them). */
  onLoaded?: (course: string, settings: CourseSettings) => void;
}

export const defaultCourseSettingsTiming = { cacheMs: 5_000, now: () => new Date() };

/**
 * Course settings as the pipeline and the console read them, cached briefly so a question does
 * not cost an extra query; edits made here hold at once in this process, and within `cacheMs` in
 * the others.
 */
export class CourseSettingsStore implements CoursePolicySource {
  private readonly cache = new Map<string, { settings: CourseSettings | undefined; until: number }>();
  private readonly repository: CourseAdminRepository;
  private readonly deps: ReturnType<
    typeof withDefaults<CourseSettingsStoreDeps, typeof defaultCourseSettingsTiming>
  >;

  constructor(deps: CourseSettingsStoreDeps) {
    this.deps = withDefaults(defaultCourseSettingsTiming, deps);
    this.repository = new CourseAdminRepository(deps.db);
  }

  /** The course's settings; undefined for a course that does not exist. */
  async get(course: string): Promise<CourseSettings | undefined> {
    const now = this.deps.now().getTime();
    const cached = this.cache.get(course);
    if (cached && cached.until > now) return cached.settings;
    const stored = await this.repository.settings(course);
    const settings = stored ? readCourseSettings(stored) : undefined;
    this.cache.set(course, { settings, until: now + this.deps.cacheMs });
    if (this.cache.size > 1_000) this.cache.delete(this.cache.keys().next().value as string);
    if (settings) this.deps.onLoaded?.(course, settings);
    return settings;
  }

  /** What the course's settings change about answering it right now. */
  async policyFor(course: string): Promise<CoursePolicy> {
    const settings = await this.get(course);
    return settings ? policyOf(settings, this.deps.now()) : {};
  }

  /**
   * Applies a validated change (null keys go back to their defaults); the allowed origins are
   * written by whoever owns their cache (OriginPolicy), not here. Undefined for an unknown course.
   */
  async update(
    course: string,
    change: Omit<SettingsChange, "allowedOrigins">,
  ): Promise<CourseSettings | undefined> {
    const { title, ...settings } = change;
    const written = await this.repository.writeSettings(course, {
      ...(title !== undefined ? { title } : {}),
      settings: Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)),
    });
    this.forget(course);
    return written ? this.get(course) : undefined;
  }

  async setArchived(course: string, archived: boolean): Promise<boolean> {
    const done = await this.repository.setArchived(course, archived);
    this.forget(course);
    return done;
  }

  forget(course: string): void {
    this.cache.delete(course);
  }
}
