import type { Server, ServerResponse } from "node:http";

export interface DrainOptions {
  /** How long in-flight requests (SSE streams included) may take to finish before they are cut. */
  graceMs: number;
  /** How often connections that went idle are closed while draining. */
  sweepMs?: number;
}

export interface DrainResult {
  /** Requests still open when the grace period ran out, whose connections were cut. */
  cut: number;
  ms: number;
}

export interface RequestTracker {
  /** Requests whose response has not finished yet. */
  readonly inFlight: number;
  readonly draining: boolean;
  /**
   * Stops accepting connections and lets in-flight requests finish. Keep-alive connections are
   * closed as soon as they have nothing in flight, and every response from now on says
   * `Connection: close`, so clients reconnect to another replica. Resolves once the server is
   * closed; whatever is still open after `graceMs` is cut.
   */
  drain(options: DrainOptions): Promise<DrainResult>;
}

/** Counts a Node HTTP server's in-flight requests from now on and drains it on demand. */
export function trackRequests(server: Server): RequestTracker {
  let inFlight = 0;
  let draining = false;
  const pending = new Set<ServerResponse>();

  server.on("request", (_req, res) => {
    inFlight++;
    pending.add(res);
    if (draining && !res.headersSent) res.setHeader("Connection", "close");
    res.once("close", () => {
      inFlight--;
      pending.delete(res);
    });
  });

  let result: Promise<DrainResult> | undefined;
  return {
    get inFlight() {
      return inFlight;
    },
    get draining() {
      return draining;
    },
    drain(options) {
      result ??= new Promise<DrainResult>((resolve) => {
        const started = performance.now();
        draining = true;
        for (const res of pending) if (!res.headersSent) res.setHeader("Connection", "close");
        let cut = 0;
        const sweep = setInterval(() => server.closeIdleConnections(), options.sweepMs ?? 50);
        const deadline = setTimeout(() => {
          cut = inFlight;
          server.closeAllConnections();
        }, options.graceMs);
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(deadline);
          resolve({ cut, ms: Math.round(performance.now() - started) });
        });
        server.closeIdleConnections();
      });
      return result;
    },
  };
}
