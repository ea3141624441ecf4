import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededServer } from "../helpers/server.ts";

type ErrorReply = { error: { code: string; message: string } };
type Run = {
  id: string;
  status: string;
  trigger: string;
  summary: { documents: number; removed: number } | null;
};

describe("admin routes", () => {
  const token = "admin-routes-token-321";
  let server: Awaited<ReturnType<typeof startSeededServer>>;
  let folder: string;
  const admin = { authorization: `Bearer ${token}` };
  const json = { ...admin, "content-type": "application/json" };

  beforeAll(async () => {
    server = await startSeededServer({ ADMIN_TOKEN: token, ADMIN_UPLOAD_MAX_BYTES: "60000" });
    folder = await mkdtemp(path.join(tmpdir(), "admin-folder-"));
    await writeFile(
      path.join(folder, "handbook.md"),
      "# Lab handbook\n\nGoggles stay on in the wet lab at all times.\n",
    );
  });
  afterAll(async () => {
    await server?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const url = (route: string) => `${server.url}${route}`;
  const createCourse = (body: unknown) =>
    fetch(url("/admin/courses"), { method: "POST", headers: json, body: JSON.stringify(body) });
  const upload = (course: string, body: BodyInit, query = "", type?: string) =>
    fetch(url(`/admin/courses/${course}/material${query}`), {
      method: "POST",
      headers: { ...admin, ...(type ? { "content-type": type } : {}) },
      body,
    });

  it("asks for the bearer token on every admin route", async () => {
    for (const [method, route] of [
      ["GET", "/admin/courses"],
      ["POST", "/admin/courses"],
      ["GET", "/admin/courses/aie101/stats"],
      ["GET", "/admin/courses/aie101/insights"],
      ["POST", "/admin/courses/aie101/material"],
      ["PUT", "/admin/courses/aie101/origins"],
    ] as const) {
      const missing = await fetch(url(route), { method });
      expect(missing.status, `${method} ${route}`).toBe(401);
      expect(((await missing.json()) as ErrorReply).error.code).toBe("unauthorized");
      const wrong = await fetch(url(route), {
        method,
        headers: { authorization: "Bearer not-the-token-321" },
      });
      expect(wrong.status, `${method} ${route}`).toBe(403);
    }
  });

  it("creates a course, refuses duplicates and bad ids, and edits its allowed origins", async () => {
    const created = await createCourse({
      id: "chem110",
      title: "Chemistry 110",
      allowedOrigins: ["https://lms.example.edu/"],
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({
      course: { id: "chem110", title: "Chemistry 110", allowedOrigins: ["https://lms.example.edu"] },
    });
    expect((await createCourse({ id: "chem110" })).status).toBe(409);
    const bad = await createCourse({ id: "../etc" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorReply).error.code).toBe("invalid_request");
    expect((await createCourse({ id: "x1", allowedOrigins: ["javascript:alert(1)"] })).status).toBe(400);

    // The origin policy has just read (and cached) the old list; the edit must hold at once anyway.
    expect(await server.originPolicy.allows("chem110", "http://localhost:8080")).toBe(false);
    const put = await fetch(url("/admin/courses/chem110/origins"), {
      method: "PUT",
      headers: json,
      body: JSON.stringify({
        allowedOrigins: ["https://a.example.edu", "http://localhost:8080", "https://a.example.edu"],
      }),
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({
      course: "chem110",
      allowedOrigins: ["https://a.example.edu", "http://localhost:8080"],
    });
    expect(await server.originPolicy.allows("chem110", "http://localhost:8080")).toBe(true);
    const course = (await (await fetch(url("/admin/courses/chem110"), { headers: admin })).json()) as {
      course: { allowedOrigins: string[] | null; title: string };
    };
    expect(course.course).toMatchObject({
      title: "Chemistry 110",
      allowedOrigins: ["https://a.example.edu", "http://localhost:8080"],
    });
    // null hands the course back to the deployment's default list.
    const reset = await fetch(url("/admin/courses/chem110/origins"), {
      method: "PUT",
      headers: json,
      body: JSON.stringify({ allowedOrigins: null }),
    });
    expect(await reset.json()).toEqual({ course: "chem110", allowedOrigins: null });
    expect(
      (
        await fetch(url("/admin/courses/nope404/origins"), {
          method: "PUT",
          headers: json,
          body: JSON.stringify({ allowedOrigins: [] }),
        })
      ).status,
    ).toBe(404);
  });

  it("takes files as multipart form data, then ingests them on request; runs are recorded", async () => {
    expect((await createCourse({ id: "geo120", title: "Geology" })).status).toBe(201);
    const form = new FormData();
    form.append(
      "files",
      new File(["# Rocks\n\n## Igneous rocks\n\nBasalt and granite cool from magma."], "week-01/rocks.md"),
    );
    form.append(
      "files",
      new File(["# Plates\n\nSubduction zones recycle oceanic crust into the mantle."], "week-02/plates.md"),
    );
    const stored = await upload("geo120", form, "?ingest=false");
    expect(stored.status).toBe(201);
    expect(await stored.json()).toMatchObject({
      course: "geo120",
      stored: [{ path: "week-01/rocks.md" }, { path: "week-02/plates.md" }],
      ignored: [],
    });
    const listed = (await (
      await fetch(url("/admin/courses/geo120/material"), { headers: admin })
    ).json()) as {
      files: { path: string; bytes: number; sha256: string }[];
    };
    expect(listed.files.map((f) => f.path)).toEqual(["week-01/rocks.md", "week-02/plates.md"]);

    const ingested = await fetch(url("/admin/courses/geo120/ingest?wait=true"), {
      method: "POST",
      headers: admin,
    });
    expect(ingested.status).toBe(200);
    const { run } = (await ingested.json()) as { run: Run };
    expect(run).toMatchObject({ status: "succeeded", trigger: "reingest", summary: { documents: 2 } });
    const search = (await (
      await fetch(url("/v1/search"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ course: "geo120", query: "subduction oceanic crust" }),
      })
    ).json()) as { results: { source: string }[] };
    expect(search.results[0]?.source).toBe("week-02/plates.md");

    const runs = (await (
      await fetch(url("/admin/courses/geo120/ingestions"), { headers: admin })
    ).json()) as { runs: Run[] };
    expect(runs.runs.map((r) => r.id)).toContain(run.id);
    expect((await fetch(url(`/admin/courses/geo120/ingestions/${run.id}`), { headers: admin })).status).toBe(
      200,
    );
    expect((await fetch(url(`/admin/courses/chem110/ingestions/${run.id}`), { headers: admin })).status).toBe(
      404,
    );

    // Removing a file and re-ingesting removes its document.
    const removed = await fetch(url("/admin/courses/geo120/material?path=week-01/rocks.md"), {
      method: "DELETE",
      headers: admin,
    });
    expect(removed.status).toBe(200);
    const again = (await (
      await fetch(url("/admin/courses/geo120/ingest?wait=1"), { method: "POST", headers: admin })
    ).json()) as { run: Run };
    expect(again.run.summary).toMatchObject({ documents: 1, removed: 1 });
  });

  it("answers 202 with a run to poll, and 409 while that course is already ingesting", async () => {
    expect((await createCourse({ id: "astro130" })).status).toBe(201);
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i < 40; i++) {
      entries[`week-${i}/notes.md`] = strToU8(
        `# Star ${i}\n\nStar number ${i} fuses hydrogen into helium in its core for ${i + 1} billion years before it swells.\n`,
      );
    }
    const accepted = await upload("astro130", zipSync(entries), "", "application/zip");
    expect(accepted.status).toBe(202);
    const location = accepted.headers.get("location");
    expect(location).toMatch(/^\/admin\/courses\/astro130\/ingestions\/[0-9a-f-]{36}$/);
    const busy = await fetch(url("/admin/courses/astro130/ingest"), { method: "POST", headers: admin });
    expect(busy.status).toBe(409);
    expect(((await busy.json()) as ErrorReply).error.code).toBe("ingestion_running");
    // Counted as refused, not as a failed run.
    const metrics = await (await fetch(url("/metrics"))).text();
    expect(metrics).toContain(
      'tutor_ingestion_runs_total{course="astro130",trigger="reingest",outcome="busy"} 1',
    );
    expect(metrics).not.toContain(
      'tutor_ingestion_runs_total{course="astro130",trigger="reingest",outcome="failed"}',
    );

    let run: Run | undefined;
    for (let i = 0; i < 240 && run?.status !== "succeeded" && run?.status !== "failed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      run = ((await (await fetch(url(location as string), { headers: admin })).json()) as { run: Run }).run;
    }
    expect(run).toMatchObject({ status: "succeeded", trigger: "upload", summary: { documents: 40 } });
  });

  it("refuses to let an upload silently delete material that came from a server folder", async () => {
    const ingested = await fetch(url("/admin/ingest"), {
      method: "POST",
      headers: json,
      body: JSON.stringify({ course: "lab140", dir: folder }),
    });
    expect(ingested.status).toBe(200);
    const zip = zipSync({ "safety.md": strToU8("# Safety\n\nKnow where the eyewash station is.") });
    const merge = await upload("lab140", zip, "?wait=true", "application/zip");
    expect(merge.status).toBe(409);
    expect(((await merge.json()) as ErrorReply).error).toMatchObject({
      code: "material_conflict",
      message: expect.stringContaining("handbook.md"),
    });
    const replace = await upload("lab140", zip, "?mode=replace&wait=true", "application/zip");
    expect(replace.status).toBe(200);
    expect(((await replace.json()) as { run: Run }).run.summary).toMatchObject({ documents: 1, removed: 1 });
  });

  it("answers bad uploads with clear 4xx errors", async () => {
    expect((await createCourse({ id: "bad150" })).status).toBe(201);
    const cases: [BodyInit, string, string | undefined, number, string][] = [
      [zipSync({ "../escape.md": strToU8("# x") }), "", "application/zip", 400, "invalid_material"],
      [strToU8("definitely not a zip"), "", "application/zip", 400, "invalid_material"],
      [zipSync({ "photo.jpg": new Uint8Array([1, 2, 3]) }), "", "application/zip", 400, "invalid_material"],
      [zipSync({ "big.md": strToU8("a".repeat(70_000)) }), "", "application/zip", 413, "material_too_large"],
      ["# plain text", "", "text/plain", 415, "unsupported_media_type"],
      [zipSync({ "a.md": strToU8("# a") }), "?mode=sideways", "application/zip", 400, "invalid_request"],
    ];
    for (const [body, query, type, status, code] of cases) {
      const response = await upload("bad150", body, query, type);
      expect(response.status, code).toBe(status);
      expect(((await response.json()) as ErrorReply).error.code).toBe(code);
    }
    // A body far over the upload limit is cut off before it is read.
    const huge = await upload("bad150", new Uint8Array(2 * 1024 * 1024), "", "application/zip");
    expect(huge.status).toBe(413);
    for (const route of ["/material", "/stats", "/insights", "/ingestions"]) {
      const response = await fetch(url(`/admin/courses/nosuch999${route}`), { headers: admin });
      expect(response.status, route).toBe(404);
      expect(((await response.json()) as ErrorReply).error.code).toBe("unknown_course");
    }
    expect((await fetch(url("/admin/courses/aie101/stats?days=0"), { headers: admin })).status).toBe(400);
    expect((await fetch(url("/admin/courses/aie101/insights?weeks=500"), { headers: admin })).status).toBe(
      400,
    );
  });

  it("lists live courses without ingestion's internal staging rows", async () => {
    const { courses } = (await (await fetch(url("/admin/courses"), { headers: admin })).json()) as {
      courses: { id: string }[];
    };
    const ids = courses.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(["aie101", "geo120", "astro130", "lab140"]));
    expect(ids.some((id) => id.includes("~"))).toBe(false);
  });
});
