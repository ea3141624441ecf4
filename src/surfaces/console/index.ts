/** The instructor console: one page at /console whose script works through the JSON routes under /admin. */
export { CONSOLE_CSP, type ConsoleRouteDeps, consoleEntry, consoleRoutes } from "./routes.ts";
