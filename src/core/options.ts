/** The keys of `Defaults`, made required and never undefined, over the rest of `Options`. */
export type WithDefaults<Options, Defaults> = Omit<Options, keyof Defaults> & {
  [K in keyof Defaults]-?: Exclude<Defaults[K], undefined>;
};

/**
 * `options` over `defaults`, merged once where a builder or constructor takes its options: an
 * option left out, or given as undefined, takes its default.
 */
export function withDefaults<Options extends object, Defaults extends Partial<Options>>(
  defaults: Defaults,
  options: Options = {} as Options,
): WithDefaults<Options, Defaults> {
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(options)) if (value !== undefined) merged[key] = value;
  return merged as WithDefaults<Options, Defaults>;
}
