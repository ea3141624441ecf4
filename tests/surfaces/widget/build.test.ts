import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  bundleWidget,
  createWidgetBundleCache,
  type WidgetBundle,
} from "../../../src/surfaces/widget/build.ts";

/** The budget for the embeddable script, gzipped. */
const MAX_GZIPPED_BYTES = 40 * 1024;

describe("bundleWidget", () => {
  it("bundles the widget into one script within 40 KB gzipped", async () => {
    const { code, etag } = await bundleWidget();
    const gzipped = gzipSync(code, { level: 9 }).length;
    expect(gzipped).toBeGreaterThan(2_000);
    expect(gzipped).toBeLessThanOrEqual(MAX_GZIPPED_BYTES);
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    // One self-contained classic script: no imports left for the host page to resolve.
    expect(code).not.toMatch(/\bimport\s*[({"']|\brequire\(/);
  });

  it("has no way to turn text into markup or code", async () => {
    const { code } = await bundleWidget({ minify: false });
    for (const sink of [
      "innerHTML",
      "outerHTML",
      "insertAdjacentHTML",
      "document.write",
      "eval(",
      "new Function",
    ]) {
      expect(code.includes(sink), sink).toBe(false);
    }
  });
});

describe("createWidgetBundleCache", () => {
  it("builds once for every caller and tries again after a failure", async () => {
    let builds = 0;
    const bundle: WidgetBundle = { code: "x", etag: '"e"' };
    const get = createWidgetBundleCache(async () => {
      builds++;
      if (builds === 1) throw new Error("esbuild crashed");
      return bundle;
    });
    await expect(get()).rejects.toThrow("esbuild crashed");
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(bundle);
    expect(b).toBe(bundle);
    expect(builds).toBe(2);
  });
});
