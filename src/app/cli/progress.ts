/** A one-line progress bar on a terminal; silent when the stream is not a TTY (logs, pipes, CI). */
export interface ProgressBar {
  update(label: string, done: number, total: number): void;
  finish(): void;
}

export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { update() {}, finish() {} };
  let lastDraw = 0;
  let drawn = false;
  return {
    update(label, done, total) {
      const now = Date.now();
      if (now - lastDraw < 80 && done < total) return;
      lastDraw = now;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40));
      const share = total === 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(share * width);
      const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
      stream.write(
        `\r${label.padEnd(8)} ${bar} ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total}\u001b[K`,
      );
      drawn = true;
    },
    finish() {
      if (drawn) stream.write("\r\u001b[K");
      drawn = false;
    },
  };
}
