import { describe, expect, it } from "vitest";
import { withDefaults } from "../../src/core/options.ts";

describe("withDefaults", () => {
  it("puts every option that is set over the defaults and keeps the default for undefined ones", () => {
    const defaults = { maxChars: 2_000, maxControlShare: 0.1, refusal: undefined as string | undefined };
    const options: Partial<typeof defaults> = { maxChars: 10, maxControlShare: undefined };
    expect(withDefaults(defaults, options)).toEqual({
      maxChars: 10,
      maxControlShare: 0.1,
      refusal: undefined,
    });
    expect(withDefaults(defaults, {})).toEqual(defaults);
    expect(withDefaults(defaults)).toEqual(defaults);
  });
});
