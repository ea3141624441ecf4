import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../../../src/app/config.ts";
import { EvalRunStore } from "../../../../src/db/index.ts";
import { startSeededServer } from "../../../helpers/server.ts";

const TOKEN = "eval-admin-token";
const auth = { authorization: `Bearer ${TOKEN}` };

const cases = [
  {
    id: "f-rrf",
    category: "factual",
    question: "What value of k is usually used in reciprocal rank fusion?",
    expected_sources: ["week-07/notes.md"],
    expected_phrases: ["the constant k = 60 from their paper remains the usual default"],
    reference_answer: "k = 60, the constant from the original paper.",
  },
  {
    id: "f-psi",
    category: "factual",
    question: "Which PSI values indicate a significant shift?",
    expected_sources: ["week-09/notes.md"],
    expected_phrases: ["The widely used interpretation bands are"],
    reference_answer: "Above 0.25 is a significant shift.",
  },
  { id: "u-lasagna", category: "unanswerable", question: "What's the best lasagna recipe?" },
];

let server: Awaited<ReturnType<typeof startSeededServer>>;

beforeAll(async () => {
  server = await startSeededServer({ ADMIN_TOKEN: TOKEN });
}, 180_000);

afterAll(async () => {
  await server?.close();
});

async function post(body: string, contentType: string, query = "") {
  return fetch(`${server.url}/admin/evals${query}`, {
    method: "POST",
    headers: { ...auth, "content-type": contentType },
    body,
  });
}

async function waitUntilFinished(id: string, timeoutMs = 240_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A poll is retried after a dropped keep-alive connection, as any polling client would.
    const response = await fetch(`${server.url}/admin/evals/${id}`, { headers: auth }).catch(() => undefined);
    if (!response) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    expect(response.status).toBe(200);
    const run = (await response.json()) as Record<string, unknown>;
    if (run.status === "done" || run.status === "failed") return run;
    if (Date.now() > deadline) throw new Error(`run ${id} still ${String(run.status)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("POST /admin/evals and GET /admin/evals/:id", () => {
  it("are closed without the admin token", async () => {
    const none = await fetch(`${server.url}/admin/evals`, { method: "POST", body: "{}" });
    expect(none.status).toBe(401);
    const wrong = await fetch(`${server.url}/admin/evals/${randomUUID()}`, {
      headers: { authorization: "Bearer nope" },
    });
    expect(wrong.status).toBe(403);
  });

  it("runs an uploaded dataset in the background and keeps the report in the database", async () => {
    const response = await post(
      JSON.stringify({ course: "aie101", dataset: cases, configs: "bm25,hybrid" }),
      "application/json",
    );
    expect(response.status).toBe(202);
    const started = (await response.json()) as {
      id: string;
      status: string;
      cases: number;
      configs: string[];
    };
    expect(started).toMatchObject({ status: "queued", cases: 3, configs: ["bm25", "hybrid"] });
    expect(response.headers.get("location")).toBe(`/admin/evals/${started.id}`);

    const run = await waitUntilFinished(started.id);
    expect(run.status).toBe("done");
    expect(run.progress).toEqual({ done: 6, total: 6 });
    const report = run.report as {
      dataset: string;
      cases: number;
      configs: Record<string, { hit5: number; refusal_f1: number | null }>;
      failures: unknown[];
    };
    expect(report.dataset).toBe("upload");
    expect(report.cases).toBe(3);
    expect(Object.keys(report.configs)).toEqual(["bm25", "hybrid"]);
    // BM25 finds both passages: their questions use the notes' own words.
    expect(report.configs.bm25?.hit5).toBe(1);

    const html = await fetch(`${server.url}/admin/evals/${started.id}?format=html`, { headers: auth });
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toMatch(/text\/html/);
    const page = await html.text();
    expect(page).toContain("<svg");
    expect(page).toContain("f-rrf");

    const stored = await new EvalRunStore(server.tutor.db).report(started.id);
    expect(stored?.configs.bm25?.hit5).toBe(1);

    const list = await fetch(`${server.url}/admin/evals?course=aie101`, { headers: auth });
    const runs = ((await list.json()) as { runs: { id: string }[] }).runs;
    expect(runs.map((r) => r.id)).toContain(started.id);
  });

  it("accepts JSONL with the course in the query string, and reports bad lines by number", async () => {
    const lines = [
      JSON.stringify(cases[0]),
      '{"id": "broken"',
      JSON.stringify({ ...cases[1], category: "nope" }),
    ];
    const bad = await post(lines.join("\n"), "application/x-ndjson", "?course=aie101");
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as {
      error: { code: string; message: string; problems: { line: number }[] };
    };
    expect(body.error.code).toBe("invalid_dataset");
    expect(body.error.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(body.error.message).toMatch(/line 2: not valid JSON/);

    const good = await post(JSON.stringify(cases[2]), "application/x-ndjson", "?course=aie101&configs=bm25");
    expect(good.status).toBe(202);
    const run = await waitUntilFinished(((await good.json()) as { id: string }).id);
    expect((run.report as { configs: Record<string, { refusal_f1: number }> }).configs.bm25?.refusal_f1).toBe(
      1,
    );

    const noCourse = await post(JSON.stringify(cases[2]), "application/x-ndjson");
    expect(noCourse.status).toBe(400);
  });

  it("answers 4xx, never 500, for bad requests", async () => {
    const unknownCourse = await post(JSON.stringify({ course: "nope", dataset: cases }), "application/json");
    expect(unknownCourse.status).toBe(404);
    const badConfig = await post(
      JSON.stringify({ course: "aie101", dataset: cases, configs: ["dense"] }),
      "application/json",
    );
    expect(badConfig.status).toBe(400);
    expect(((await badConfig.json()) as { error: { message: string } }).error.message).toMatch(/dense/);
    const both = await post(
      JSON.stringify({ course: "aie101", dataset: cases, datasetPath: "/etc/hosts" }),
      "application/json",
    );
    expect(both.status).toBe(400);
    const notJson = await post("{", "application/json");
    expect(notJson.status).toBe(400);
    const missingFile = await post(
      JSON.stringify({ course: "aie101", datasetPath: "/nonexistent/set.jsonl" }),
      "application/json",
    );
    expect(missingFile.status).toBe(400);
    const nulQuestion = { ...cases[2], question: "What is drift?\u0000" };
    const nulJsonl = await post(JSON.stringify(nulQuestion), "application/x-ndjson", "?course=aie101");
    expect(nulJsonl.status).toBe(400);
    const nulUrl = await fetch(`${server.url}/admin/evals?course=aie101%00`, { headers: auth });
    expect(nulUrl.status).toBe(400);
    const xml = await post("<cases/>", "application/xml", "?course=aie101");
    expect(xml.status).toBe(415);

    expect((await fetch(`${server.url}/admin/evals/not-a-uuid`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${server.url}/admin/evals/${randomUUID()}`, { headers: auth })).status).toBe(404);
    const format = await fetch(`${server.url}/admin/evals/${randomUUID()}?format=pdf`, { headers: auth });
    expect(format.status).toBe(400);
  });

  it("answers 409 for the HTML of a run that has not finished", async () => {
    const store = new EvalRunStore(server.tutor.db);
    const id = randomUUID();
    await store.create({
      id,
      course: "aie101",
      datasetName: "x",
      cases: [],
      configs: ["bm25"],
      split: "all",
    });
    await store.markRunning(id, 10);
    const html = await fetch(`${server.url}/admin/evals/${id}?format=html`, { headers: auth });
    expect(html.status).toBe(409);
    const json = (await (await fetch(`${server.url}/admin/evals/${id}`, { headers: auth })).json()) as {
      status: string;
      stale: boolean;
      report?: unknown;
    };
    expect(json).toMatchObject({ status: "running", stale: false });
    expect(json.report).toBeUndefined();
  });

  it("takes the whole golden set (over 64 KiB) as an upload", async () => {
    const text = await readFile(path.join(packageRoot, "evals", "aie101.jsonl"), "utf8");
    expect(Buffer.byteLength(text)).toBeGreaterThan(64 * 1024);
    const response = await post(text, "application/x-ndjson", "?course=aie101&configs=bm25&split=dev");
    expect(response.status).toBe(202);
    // Not waited for: closing the server stops it between two cases (see afterAll).
    expect(((await response.json()) as { cases: number }).cases).toBeGreaterThanOrEqual(150);
  });
});
