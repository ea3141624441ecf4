import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { trackRequests } from "../../../src/surfaces/http/server-drain.ts";

/** A real HTTP server on 127.0.0.1 whose `/slow?ms=N` answers after N ms and `/hang` never does. */
async function startServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/hang") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("event: meta\ndata: {}\n\n");
      return;
    }
    const ms = Number(url.searchParams.get("ms") ?? 0);
    setTimeout(() => res.end(`waited ${ms}`), ms);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

interface Reply {
  status: number;
  body: string;
  connection: string | undefined;
}

/** One GET over a fresh keep-alive connection, reporting the body or the socket error. */
function get(port: number, path: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { connection: "keep-alive" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (piece) => {
        body += piece;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("draining an HTTP server", () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  it("lets in-flight requests finish, refuses new connections, then resolves", async () => {
    const started = await startServer();
    server = started.server;
    const tracker = trackRequests(server);
    const slow = get(started.port, "/slow?ms=600");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(tracker.inFlight).toBe(1);

    let drained = false;
    const drain = tracker.drain({ graceMs: 5_000 }).then((result) => {
      drained = true;
      return result;
    });
    expect(tracker.draining).toBe(true);
    await expect(get(started.port, "/slow?ms=0")).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(drained).toBe(false);

    const reply = await slow;
    expect(reply).toMatchObject({ status: 200, body: "waited 600", connection: "close" });
    const result = await drain;
    expect(result.cut).toBe(0);
    expect(result.ms).toBeGreaterThanOrEqual(400);
    expect(tracker.inFlight).toBe(0);
  });

  it("closes idle keep-alive connections at once instead of waiting for their timeout", async () => {
    const started = await startServer();
    server = started.server;
    server.keepAliveTimeout = 60_000;
    const tracker = trackRequests(server);
    expect((await get(started.port, "/slow?ms=0")).status).toBe(200);
    const before = performance.now();
    await tracker.drain({ graceMs: 30_000 });
    expect(performance.now() - before).toBeLessThan(5_000);
  });

  it("cuts a stream that outlives the grace period and says so", async () => {
    const started = await startServer();
    server = started.server;
    const tracker = trackRequests(server);
    const hanging = get(started.port, "/hang").catch((error: NodeJS.ErrnoException) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const result = await tracker.drain({ graceMs: 300 });
    expect(result.cut).toBe(1);
    expect(await hanging).toBeInstanceOf(Error);
  });

  it("drains once however often it is asked", async () => {
    const started = await startServer();
    server = started.server;
    const tracker = trackRequests(server);
    const [a, b] = await Promise.all([tracker.drain({ graceMs: 1_000 }), tracker.drain({ graceMs: 1_000 })]);
    expect(a).toBe(b);
  });
});
