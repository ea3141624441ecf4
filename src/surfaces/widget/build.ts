import { createHash } from "node:crypto";
import path from "node:path";
import { build } from "esbuild";

export interface WidgetBundle {
  code: string;
  /** Content hash, used as the ETag. */
  etag: string;
}

/** A browser script bundled from TypeScript (the widget's and the console's are). */
export type BrowserBundle = WidgetBundle;

export const widgetEntry = path.join(path.dirname(new URL(import.meta.url).pathname), "client", "main.ts");

/**
 * Bundles the widget's TypeScript into one minified script with esbuild. Built from source when
 * first asked for, so a fresh clone, `npm start` and the Docker image need no separate build step.
 */
export function bundleWidget(options: { minify?: boolean } = {}): Promise<WidgetBundle> {
  return bundleBrowserScript(widgetEntry, options);
}

/** One entry point and everything it imports as one self-contained script (an IIFE), with its ETag. */
export async function bundleBrowserScript(
  entry: string,
  options: { minify?: boolean } = {},
): Promise<BrowserBundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    // Browsers of the last few years; zod/mini needs ES2022 syntax.
    target: ["es2022"],
    minify: options.minify ?? true,
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error(`esbuild produced no output for ${path.basename(entry)}`);
  const etag = `"${createHash("sha256").update(code).digest("base64url").slice(0, 22)}"`;
  return { code, etag };
}

/** Builds once per process and hands every caller the same bundle; a failed build is retried. */
export function createWidgetBundleCache(
  make: () => Promise<WidgetBundle> = bundleWidget,
): () => Promise<WidgetBundle> {
  let pending: Promise<WidgetBundle> | undefined;
  return () => {
    pending ??= make().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
