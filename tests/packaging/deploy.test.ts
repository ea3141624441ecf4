import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { loadConfig, packageRoot } from "../../src/app/config.ts";

// No Docker engine or nginx runs here: the multi-replica set-up is checked for what it relies on.
const deployDir = path.join(packageRoot, "deploy");
const serviceSchema = z.object({
  image: z.string().optional(),
  build: z.object({ context: z.string(), dockerfile: z.string().optional() }).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  ports: z.array(z.string()).optional(),
  expose: z.array(z.string()).optional(),
  volumes: z.array(z.string()).optional(),
  depends_on: z
    .union([z.array(z.string()), z.record(z.string(), z.object({ condition: z.string() }))])
    .optional(),
  healthcheck: z.object({ test: z.array(z.string()) }).optional(),
  stop_grace_period: z.string().optional(),
  deploy: z.object({ replicas: z.number().int() }).optional(),
});
const compose = z
  .object({
    services: z.record(z.string(), serviceSchema),
    volumes: z.record(z.string(), z.unknown()).optional(),
  })
  .parse(parse(readFileSync(path.join(deployDir, "docker-compose.yml"), "utf8")));
const nginx = readFileSync(path.join(deployDir, "nginx.conf"), "utf8");
const withDefaults = (value: string) => value.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, "$1");
const seconds = (duration: string) => {
  const match = /^(\d+)(ms|s|m)$/.exec(duration);
  if (!match) throw new Error(`unreadable duration ${duration}`);
  const n = Number(match[1]);
  return match[2] === "ms" ? n / 1000 : match[2] === "m" ? n * 60 : n;
};

describe("deploy/: several replicas behind a load balancer", () => {
  const { postgres, redis, api, lb } = compose.services;
  const env = api?.environment ?? {};

  it("runs one Postgres with pgvector and one Redis, both health-checked", () => {
    expect(postgres?.image).toMatch(/^pgvector\/pgvector:pg1[5-9]/);
    expect(postgres?.healthcheck?.test.join(" ")).toMatch(/pg_isready/);
    expect(redis?.image).toMatch(/^redis:/);
    expect(redis?.healthcheck?.test.join(" ")).toMatch(/ping/);
  });

  it("builds the API from the repository's Dockerfile and can scale it (no fixed host port)", () => {
    const context = path.resolve(deployDir, api?.build?.context ?? "");
    expect(context).toBe(packageRoot);
    expect(existsSync(path.join(context, api?.build?.dockerfile ?? "Dockerfile"))).toBe(true);
    expect(api?.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(api?.ports).toBeUndefined();
  });

  it("points every replica at the shared database and the shared rate-limit store", () => {
    const db = new URL(withDefaults(env.DATABASE_URL ?? ""));
    expect(db.hostname).toBe("postgres");
    expect(db.username).toBe(postgres?.environment?.POSTGRES_USER);
    expect(db.password).toBe(withDefaults(postgres?.environment?.POSTGRES_PASSWORD ?? ""));
    expect(db.pathname.slice(1)).toBe(postgres?.environment?.POSTGRES_DB);
    expect(new URL(env.REDIS_URL ?? "").hostname).toBe("redis");
  });

  it("gives the settings the tutor accepts, and they validate", () => {
    const known = readFileSync(path.join(packageRoot, "src", "app", "config.ts"), "utf8");
    for (const name of Object.keys(env)) expect(known, name).toContain(`${name}:`);
    const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, withDefaults(v)]));
    const config = loadConfig(resolved);
    expect(config.databaseUrl).toMatch(/^postgres:\/\//);
    expect(config.rateLimit.trustProxyHops).toBe(1);
  });

  it("lets a stopping replica drain before Docker kills it", () => {
    const config = loadConfig(Object.fromEntries(Object.entries(env).map(([k, v]) => [k, withDefaults(v)])));
    const needed = ((config.shutdown?.delayMs ?? 0) + (config.shutdown?.graceMs ?? 10_000)) / 1000;
    expect(config.shutdown?.delayMs).toBeGreaterThan(0);
    expect(seconds(api?.stop_grace_period ?? "10s")).toBeGreaterThan(needed);
  });

  it("balances over the replicas through nginx, re-resolving them and passing the client address", () => {
    expect(lb?.image).toMatch(/^nginx:/);
    expect(lb?.volumes?.some((v) => v.startsWith("./nginx.conf:/etc/nginx/nginx.conf"))).toBe(true);
    expect(lb?.ports?.length).toBeGreaterThan(0);
    expect(nginx).toMatch(new RegExp(`http://api:${env.PORT}\\b`));
    expect(nginx).toMatch(/resolver 127\.0\.0\.11/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for/);
    // Streams (SSE) must not be buffered, and answers may wait on an LLM for the chat deadline.
    expect(nginx).toMatch(/proxy_buffering off/);
    const readTimeout = /proxy_read_timeout (\d+)s/.exec(nginx)?.[1];
    expect(Number(readTimeout)).toBeGreaterThan(loadConfig({}).chatDeadlineMs / 1000);
    // Braces balance: a cheap guard against a truncated edit.
    expect(nginx.split("{").length).toBe(nginx.split("}").length);
  });

  it("health-checks replicas on /readyz, which fails while one drains or loses the database", () => {
    const dockerfile = readFileSync(path.join(packageRoot, "Dockerfile"), "utf8");
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/readyz/);
  });
});
