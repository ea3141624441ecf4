import { readFileSync } from "node:fs";
import path from "node:path";
import { type Context, Hono } from "hono";
import { type BrowserBundle, bundleBrowserScript, createWidgetBundleCache } from "../widget/index.ts";
import { consolePage } from "./page.ts";

const here = path.dirname(new URL(import.meta.url).pathname);

/** The console's browser code, bundled from TypeScript by esbuild on first request (no build step). */
export const consoleEntry = path.join(here, "client", "main.ts");
const stylesheet = readFileSync(path.join(here, "console.css"), "utf8");

/** Only the console's own script and stylesheet; it talks to /admin on the same origin. */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

export interface ConsoleRouteDeps {
  /** Supplies the bundle; defaults to building client/main.ts once per process. */
  bundle?: () => Promise<BrowserBundle>;
}

/**
 * `GET /console`: the instructor console, one page whose script (`/console/app.js`) reads and
 * changes everything through the documented JSON routes under `/admin`.
 */
export function consoleRoutes(deps: ConsoleRouteDeps = {}): Hono {
  const app = new Hono();
  const bundle = deps.bundle ?? createWidgetBundleCache(() => bundleBrowserScript(consoleEntry));
  const secure = (c: Context) => {
    c.header("Content-Security-Policy", CONSOLE_CSP);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "same-origin");
  };

  const page = (c: Context) => {
    secure(c);
    c.header("Cache-Control", "no-store");
    return c.html(consolePage());
  };
  app.get("/console", page);
  app.get("/console/", page);

  app.get("/console/app.js", async (c) => {
    const { code, etag } = await bundle();
    secure(c);
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Cache-Control", "no-cache");
    c.header("ETag", etag);
    if (c.req.header("if-none-match") === etag) return c.body(null, 304);
    return c.body(code);
  });

  app.get("/console/console.css", (c) => {
    secure(c);
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "no-cache");
    return c.body(stylesheet);
  });

  return app;
}
