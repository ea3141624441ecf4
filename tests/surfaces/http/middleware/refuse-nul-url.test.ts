import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { refuseNulInUrl } from "../../../../src/surfaces/http/middleware/refuse-nul-url.ts";

function appEchoingParams(): Hono {
  const app = new Hono();
  app.use("*", refuseNulInUrl());
  app.get("/runs/:id", (c) => c.json({ id: c.req.param("id"), q: c.req.query("q") ?? null }));
  return app;
}

describe("refuseNulInUrl", () => {
  it("answers 400 in the error shape for %00 in the path or the query", async () => {
    const app = appEchoingParams();
    for (const url of ["/runs/a%00b", "/runs/a?q=drift%00", "/runs/a?q%00=1", "/runs/x?q=%00"]) {
      const res = await app.request(url);
      expect(res.status, url).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.message).toMatch(/NUL/);
    }
  });

  it("passes other encoded characters through to the route", async () => {
    const res = await appEchoingParams().request("/runs/a%20b?q=%2500%20drift");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: "a b", q: "%00 drift" });
  });
});
