import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export interface FakeModelHub {
  url: string;
  /** Paths requested, in order (`/{repo}/resolve/{revision}/{file}`). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 that serves model repositories the way the Hugging Face hub does:
 * `GET /{owner}/{repo}/resolve/{revision}/{file}` answers the file with its Content-Length, or
 * 404. `repos` maps "owner/repo" to a local folder; `truncate` cuts one file short on the wire.
 */
export async function startModelHub(
  repos: Record<string, string>,
  options: { truncate?: string } = {},
): Promise<FakeModelHub> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(url.pathname);
    const match = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(url.pathname);
    const folder = match ? repos[match[1] as string] : undefined;
    const file = folder && match ? path.join(folder, decodeURIComponent(match[3] as string)) : undefined;
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Entry not found");
      return;
    }
    const size = statSync(file).size;
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(size) });
    if (options.truncate && file.endsWith(options.truncate)) {
      createReadStream(file, { end: Math.floor(size / 2) })
        .on("end", () => res.destroy())
        .pipe(res, { end: false });
      return;
    }
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
