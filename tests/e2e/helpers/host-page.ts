import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface HostPage {
  /** `http://127.0.0.1:PORT`, the Origin its pages send. */
  origin: string;
  url: string;
  close(): Promise<void>;
}

/**
 * A course website on its own origin (127.0.0.1, its own port) that embeds the widget with one
 * script tag, the way an LMS page would. Its own styles are deliberately loud so the screenshots
 * show whether they leak into the widget.
 */
export async function startHostPage(input: {
  tutorUrl: string;
  course: string;
  heading: string;
  /** More `data-*` attributes for the script tag (e.g. `{ "poll-seconds": "2" }`). */
  data?: Record<string, string>;
}): Promise<HostPage> {
  const extra = Object.entries(input.data ?? {})
    .map(([name, value]) => ` data-${name}="${value}"`)
    .join("");
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.heading}</title>
<style>
  body { font-family: "Comic Sans MS", cursive; color: #b91c1c; background: #fefce8; }
  button { background: hotpink !important; font-size: 30px; }
  p, li, section { color: green; line-height: 3; }
</style></head>
<body>
<h1>${input.heading}</h1>
<p>An external course site that embeds the tutor.</p>
<script src="${input.tutorUrl}/widget.js" data-course="${input.course}"${extra} defer></script>
</body></html>`;
  const server: Server = createServer((req, res) => {
    if (req.url === "/" || req.url?.startsWith("/?")) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(page);
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
