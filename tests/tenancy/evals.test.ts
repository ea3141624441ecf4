import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededServer } from "../helpers/server.ts";
import { bio200Zip } from "./two-courses.ts";

type Run = {
  id: string;
  course: string;
  status: string;
  report?: { configs: Record<string, { hit5: number }> };
};

/** Eval runs retrieve from the course they name, and list under it only. */
describe("no cross-course leak in evals", () => {
  const token = "evals-tenancy-token-975";
  const admin = { authorization: `Bearer ${token}` };
  let server: Awaited<ReturnType<typeof startSeededServer>>;

  beforeAll(async () => {
    server = await startSeededServer({ ADMIN_TOKEN: token });
    await fetch(`${server.url}/admin/courses`, {
      method: "POST",
      headers: { ...admin, "content-type": "application/json" },
      body: JSON.stringify({ id: "bio200" }),
    });
    const uploaded = await fetch(`${server.url}/admin/courses/bio200/material?wait=true`, {
      method: "POST",
      headers: { ...admin, "content-type": "application/zip" },
      body: bio200Zip(),
    });
    expect(((await uploaded.json()) as { run: { status: string } }).run.status).toBe("succeeded");
  });
  afterAll(async () => {
    await server?.close();
  });

  // Questions about bio200's material, judged by bio200's sources and phrases.
  const dataset = [
    {
      id: "reef-1",
      category: "factual",
      question: "What do zooxanthellae give the coral?",
      expected_sources: ["week-02/reefs.md"],
      expected_phrases: ["zooxanthellae"],
      reference_answer: "Sugars from photosynthesis.",
    },
    {
      id: "cell-1",
      category: "factual",
      question: "Where is ATP made in the cell?",
      expected_sources: ["week-01/cells.md"],
      expected_phrases: ["oxidative phosphorylation"],
      reference_answer: "In the mitochondria.",
    },
  ];

  async function runEval(course: string): Promise<Run> {
    const started = await fetch(`${server.url}/admin/evals`, {
      method: "POST",
      headers: { ...admin, "content-type": "application/json" },
      body: JSON.stringify({ course, dataset, configs: "bm25,vector,hybrid", name: `leak-${course}` }),
    });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    let run: Run | undefined;
    for (let i = 0; i < 600 && run?.status !== "done" && run?.status !== "failed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      run = (await (await fetch(`${server.url}/admin/evals/${id}`, { headers: admin })).json()) as Run;
    }
    expect(run?.status).toBe("done");
    return run as Run;
  }

  it("finds the material in its own course and nothing of it from another course", async () => {
    const own = await runEval("bio200");
    const other = await runEval("aie101");
    for (const config of ["bm25", "vector", "hybrid"]) {
      expect(own.report?.configs[config]?.hit5, config).toBe(1);
      // Had AIE101's retrieval reached bio200's chunks, these phrases would have been found.
      expect(other.report?.configs[config]?.hit5, config).toBe(0);
    }
    const listed = (await (
      await fetch(`${server.url}/admin/evals?course=aie101`, { headers: admin })
    ).json()) as {
      runs: { id: string; course: string }[];
    };
    expect(listed.runs.map((r) => r.id)).toContain(other.id);
    expect(listed.runs.map((r) => r.id)).not.toContain(own.id);
  });
});
