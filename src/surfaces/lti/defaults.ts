/** The LTI tool's settings that have defaults (kept apart so the settings schema can read them cheaply). */
export const LTI_DEFAULTS = {
  /** Hours a rotated-out tool key stays in the published JWKS: longer than any platform caches it. */
  keyGraceHours: 72,
} as const;
