import { request } from "node:http";
import { PerformanceObserver } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../../../src/app/server.ts";
import { startSeededServer } from "../../../helpers/server.ts";
import { buildZip, deflatedZeros } from "../../../helpers/zip-builder.ts";

type ErrorReply = { error: { code: string; message: string } };

const TOKEN = "upload-hardening-token-77";
const LIMIT = 8 * 1024 * 1024;

/**
 * One request on a connection of its own. Building a 1.5 GiB bomb takes seconds, long enough for
 * the server to close an idle kept-alive connection just as a pooled client reuses it.
 */
function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: Uint8Array | string } = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? "GET", headers: init.headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (part: Buffer) => parts.push(part));
      res.on("end", () => resolve(new Response(Buffer.concat(parts), { status: res.statusCode })));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

/**
 * Uploads an attacker shapes, against the real server on 127.0.0.1: a zip bomb whose headers
 * understate its size, archives of absolute paths, and file names with control characters. The
 * event loop must keep answering /healthz while an upload is worked on.
 */
describe("course material uploads that lie", () => {
  let server: RunningServer;
  let base: string;
  const admin = { authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    server = await startSeededServer({ ADMIN_TOKEN: TOKEN, ADMIN_UPLOAD_MAX_BYTES: String(LIMIT) });
    base = `http://127.0.0.1:${server.port}`;
    for (const id of ["bomb101", "paths101", "names101", "big101"]) {
      const created = await call(`${base}/admin/courses`, {
        method: "POST",
        headers: { ...admin, "content-type": "application/json" },
        body: JSON.stringify({ id }),
      });
      expect(created.status).toBe(201);
    }
  });
  afterAll(() => server?.close());

  const upload = (course: string, body: Uint8Array, type: string) =>
    call(`${base}/admin/courses/${course}/material?ingest=false`, {
      method: "POST",
      headers: { ...admin, "content-type": type },
      body,
    });
  const storedPaths = async (course: string) =>
    (
      (await (await call(`${base}/admin/courses/${course}/material`, { headers: admin })).json()) as {
        files: { path: string }[];
      }
    ).files.map((f) => f.path);

  /**
   * Runs `work` while asking /healthz every 10 ms and watching the event loop. `heldMs` is the
   * longest the loop was held by this process's own work: each gap between 5 ms ticks, counted
   * as the CPU time the process spent in it (on a machine busy with other processes a tick can
   * come late with the loop free; that is not the server's doing). `healthzMs` are the replies'
   * wall-clock times, as a client sees them. Garbage-collection pauses are left out of `heldMs`.
   */
  async function watchDuring<T>(
    work: () => Promise<T>,
  ): Promise<{ result: T; heldMs: number; healthzMs: number[] }> {
    // A first request warms the route, so what is measured is the upload's effect.
    await call(`${base}/healthz`);
    let heldMs = 0;
    let lastTick = performance.now();
    let lastCpu = process.cpuUsage();
    // A garbage-collection pause holds the loop too, but it is the runtime's, whatever the heap
    // holds (other test files' leftovers included), not the upload's: it is left out of the gaps.
    const pauses: { start: number; end: number }[] = [];
    const gc = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) pauses.push({ start: e.startTime, end: e.startTime + e.duration });
    });
    gc.observe({ entryTypes: ["gc"] });
    const pausedWithin = (from: number, to: number) =>
      pauses.reduce((sum, p) => sum + Math.max(0, Math.min(to, p.end) - Math.max(from, p.start)), 0);
    const ticks = setInterval(() => {
      const now = performance.now();
      const cpu = process.cpuUsage(lastCpu);
      const gap = now - lastTick - pausedWithin(lastTick, now);
      heldMs = Math.max(heldMs, Math.min(gap, (cpu.user + cpu.system) / 1000));
      lastTick = now;
      lastCpu = process.cpuUsage();
    }, 5);
    let done = false;
    const result = work().finally(() => {
      done = true;
    });
    const healthzMs: number[] = [];
    try {
      while (!done || healthzMs.length < 5) {
        const started = performance.now();
        const res = await call(`${base}/healthz`);
        expect(res.status).toBe(200);
        await res.arrayBuffer();
        healthzMs.push(Math.round(performance.now() - started));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return { result: await result, heldMs, healthzMs };
    } finally {
      clearInterval(ticks);
      gc.disconnect();
    }
  }

  it("refuses 1.5 GiB of zeros declared as 1,000 bytes with 400 naming the entry, and /healthz stays fast", async () => {
    const zip = buildZip([
      { name: "bomb101/notes.md", content: Buffer.from("# Notes\n\nSmall and honest.\n") },
      { name: "bomb101/bomb.md", deflated: deflatedZeros(1536), declare: { size: 1000 } },
    ]);
    const {
      result: res,
      heldMs,
      healthzMs,
    } = await watchDuring(() => upload("bomb101", zip, "application/zip"));
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorReply;
    expect(body.error.code).toBe("invalid_material");
    expect(body.error.message).toMatch(
      /^"bomb101\/bomb\.md": it inflates to more than the 1000 bytes it declares$/,
    );
    expect(heldMs, `/healthz answered in ${healthzMs.join(", ")} ms`).toBeLessThan(100);
    expect(await storedPaths("bomb101")).toEqual([]);
  });

  it("refuses an upload larger than ADMIN_UPLOAD_MAX_BYTES once unzipped with 413", async () => {
    const zip = buildZip([{ name: "zeros.md", deflated: deflatedZeros(9) }]);
    const res = await upload("bomb101", zip, "application/zip");
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorReply).error.code).toBe("material_too_large");
  });

  it("keeps /healthz fast while a large honest upload is unzipped and stored", async () => {
    // Twelve notes of about 190 KB and one 3 MB handbook: the embedded database stores a file a
    // part at a time on this thread.
    const page = `# Week\n\n${"Gradient descent takes small steps downhill on the loss surface. ".repeat(3_000)}\n`;
    const zip = buildZip([
      ...Array.from({ length: 12 }, (_, i) => ({
        name: `big101/week-${i}/notes.md`,
        content: Buffer.from(page),
      })),
      { name: "big101/handbook.md", content: Buffer.from(page.repeat(16)) },
    ]);
    const {
      result: res,
      heldMs,
      healthzMs,
    } = await watchDuring(() => upload("big101", zip, "application/zip"));
    expect(res.status).toBe(201);
    expect((await storedPaths("big101")).length).toBe(13);
    expect(heldMs, `/healthz answered in ${healthzMs.join(", ")} ms`).toBeLessThan(100);
  });

  it.each([
    [["/etc/passwd.md"], "/etc/passwd.md"],
    [["C:/tmp/x5.md", "C:/tmp/x6.md"], "C:/tmp/x5.md"],
    [["C:\\x.md"], "C:\\x.md"],
  ])("refuses a zip of absolute paths %j with 400 and stores nothing", async (names, first) => {
    const zip = buildZip(names.map((name) => ({ name, content: Buffer.from("# no\n") })));
    const res = await upload("paths101", zip, "application/zip");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: "invalid_material", message: `"${first}": absolute path` },
    });
    expect(await storedPaths("paths101")).toEqual([]);
  });

  it("refuses multipart file names with control characters, naming the file with them escaped", async () => {
    for (const [name, shown] of [
      ["esc\u001b]8;;https://evil.example\u0007link.md", "esc\\u001B]8;;https://evil.example\\u0007link.md"],
      ["del\u007f.md", "del\\u007F.md"],
      ["c1\u009b31m.md", "c1\\u009B31m.md"],
    ]) {
      const boundary = "----tutor-upload-boundary";
      const multipart = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\n` +
            "Content-Type: text/markdown\r\n\r\n# Notes\n\r\n",
        ),
        Buffer.from(`--${boundary}--\r\n`),
      ]);
      const res = await upload("names101", multipart, `multipart/form-data; boundary=${boundary}`);
      expect(res.status, name).toBe(400);
      expect(await res.json()).toEqual({
        error: { code: "invalid_material", message: `"${shown}": the name holds control characters` },
      });
    }
    expect(await storedPaths("names101")).toEqual([]);
  });
});
