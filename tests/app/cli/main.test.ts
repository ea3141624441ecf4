import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, packageRoot } from "../../../src/app/config.ts";
import { type RunningServer, startServer } from "../../../src/app/server.ts";

const run = promisify(execFile);
const tutorBin = path.join(packageRoot, "bin", "tutor.js");
const slides = path.join(packageRoot, "tests", "fixtures", "slides");

async function tutor(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [tutorBin, ...args], {
      env: { ...process.env, ...env, EMBED_WORKERS: "1" },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("the tutor command", () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "tutor-cli-"));
    env = { TUTOR_DATA_DIR: dataDir };
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("ingests a slide deck folder and prints the JSON summary", async () => {
    const result = await tutor(["ingest", slides, "--course", "nn", "--json"], env);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      course: "nn",
      documents: 1,
      added: 1,
      updated: 0,
      removed: 0,
      unchanged: 0,
    });
    expect(summary.chunks).toBeGreaterThan(3);
    expect(summary.ms).toBeTypeOf("number");
    const again = JSON.parse((await tutor(["ingest", slides, "--course", "nn", "--json"], env)).stdout);
    expect(again).toMatchObject({ added: 0, unchanged: 1 });
  });

  it("searches the deck, with speaker notes and slide markup gone", async () => {
    const result = await tutor(
      ["search", "what does a neuron compute", "--course", "nn", "--k", "3", "--json"],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    const { results } = JSON.parse(result.stdout) as { results: { heading: string; text: string }[] };
    expect(results[0]?.heading).toBe("A single neuron");
    const all = results.map((r) => r.text).join("\n");
    expect(all).not.toMatch(/SECRET|\.element|\.slide|<img/);
  });

  it("answers a question with citations", async () => {
    const result = await tutor(["ask", "What does a neuron compute?", "--course", "nn", "--json"], env);
    expect(result.code, result.stderr).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer.status).toBe("answered");
    expect(answer.citations[0].source).toBe("week-04-neural-networks.md");
  });

  it("explains usage mistakes and unknown courses", async () => {
    const usage = await tutor(["search"], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/needs a query/);
    const unknown = await tutor(["search", "anything", "--course", "ghost"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown course "ghost"/);
    const badK = await tutor(["search", "x", "--k", "0"], env);
    expect(badK.code).toBe(2);
  });

  describe("while a server holds the data folder", () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer(
        loadConfig({ TUTOR_DATA_DIR: dataDir, PORT: "0", TUTOR_DEFAULT_COURSE: "nn" }),
        {
          hostname: "127.0.0.1",
        },
      );
    });
    afterAll(() => server.close());

    it("hands search and ingest to the server instead of opening the database", async () => {
      const search = await tutor(["search", "activation functions", "--course", "nn", "--json"], env);
      expect(search.code, search.stderr).toBe(0);
      expect(JSON.parse(search.stdout).results.length).toBeGreaterThan(0);
      const ingest = await tutor(["ingest", slides, "--course", "nn2", "--json"], env);
      expect(ingest.code, ingest.stderr).toBe(0);
      expect(ingest.stderr).toMatch(/asking it to ingest/);
      expect(JSON.parse(ingest.stdout)).toMatchObject({ course: "nn2", added: 1 });
      // The server's own indexes know the new course right away.
      const res = await server.app.request("/v1/search", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ course: "nn2", query: "gradient descent" }),
      });
      expect(res.status).toBe(200);
    });
  });
});
