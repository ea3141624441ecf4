/**
 * A rule's options: its defaults with every option the caller set on top. An option left
 * undefined keeps its default, so settings read from the configuration pass as they are.
 */
export function withDefaults<T extends object>(defaults: T, options: Partial<T> = {}): T {
  const set = Object.entries(options).filter(([, value]) => value !== undefined);
  return { ...defaults, ...Object.fromEntries(set) };
}
