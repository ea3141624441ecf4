/**
 * Where a question came from. Students reach the tutor through the API, the widget, Slack and
 * whatever surface comes next (LTI, the OpenAI-compatible API…); staff ask through evals, the
 * console's playground and the command line. Insights, stats and feedback reports count student
 * questions only, so the list names the staff surfaces: a new student surface counts by default.
 */
export const STAFF_SURFACES = ["eval", "playground", "cli"] as const;
export type StaffSurface = (typeof STAFF_SURFACES)[number];

export function isStaffSurface(surface: string): boolean {
  return (STAFF_SURFACES as readonly string[]).includes(surface);
}
