import path from "node:path";

/** The project's root folder: the bundled course, migrations, shipped config and eval sets live under it. */
export const packageRoot = path.resolve(new URL(".", import.meta.url).pathname, "..", "..");
