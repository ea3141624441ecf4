import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { packageRoot } from "../../src/app/config.ts";

/** A child process with its output kept, for waiting on lines and for failure messages. */
export interface Spawned {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in stdout+stderr; rejects on exit or timeout. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

export function spawnTracked(command: string, args: string[], env: NodeJS.ProcessEnv): Spawned {
  // stdin is a pipe the child can watch: when this test process dies, the pipe closes.
  const child = spawn(command, args, { cwd: packageRoot, env, stdio: ["pipe", "pipe", "pipe"] });
  let text = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    if (text.length > 2_000_000) text = text.slice(-1_000_000);
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    output: () => text,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = text.match(pattern);
          if (match) {
            done();
            resolve(match);
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`timed out waiting for ${pattern}; output so far:\n${text.slice(-3_000)}`));
        }, timeoutMs);
        const onExit = () => {
          done();
          reject(
            new Error(
              `process exited (${child.exitCode ?? child.signalCode}) before ${pattern}:\n${text.slice(-3_000)}`,
            ),
          );
        };
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off("exit", onExit);
        };
        listeners.add(check);
        child.once("exit", onExit);
        check();
      });
    },
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

export const tutorBin = path.join(packageRoot, "bin", "tutor.js");
