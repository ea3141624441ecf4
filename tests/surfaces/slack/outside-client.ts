import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

// Runs in a separate Node process: times one POST and reports status, time and body.
const CLIENT = `
const { url, headers, body } = JSON.parse(process.argv[1]);
const started = performance.now();
const res = await fetch(url, { method: "POST", headers, body });
const text = await res.text();
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ status: res.status, ms, body: text }));
`;

/**
 * Posts from another process, as Slack does. A client inside the test process shares its event
 * loop with the server's answering work and could not read an acknowledgement that had long
 * left, so acknowledgement times are measured from outside.
 */
export async function postFromOutside(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; ms: number; body: string }> {
  const { stdout } = await run(
    process.execPath,
    ["--input-type=module", "-e", CLIENT, JSON.stringify({ url, headers, body })],
    { timeout: 30_000 },
  );
  return JSON.parse(stdout) as { status: number; ms: number; body: string };
}
