/** Runs of at least four single characters ("i g n o r e", "i.g.n.o.r.e") as the words they spell. */
export function spelledRuns(text: string): string[] {
  const runs: string[] = [];
  const pattern =
    /(?:^|[^\p{L}\p{N}])((?:[\p{L}\p{N}][ .\-_*/\\|,]{1,3}){3,}[\p{L}\p{N}])(?=$|[^\p{L}\p{N}])/gu;
  for (const match of text.matchAll(pattern)) {
    const run = match[1] ?? "";
    // Wider gaps between letters mark word boundaries ("i g n o r e   a l l").
    const words = run
      .split(/[ .\-_*/\\|,]{2,}/)
      .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ""))
      .filter(Boolean);
    runs.push(words.join(" "));
  }
  return runs;
}

/** The text with each spelled run squashed into the words it spells. */
export function collapseSpelledRuns(text: string): string {
  return text.replace(
    /(?<=^|[^\p{L}\p{N}])(?:[\p{L}\p{N}][ .\-_*/\\|,]{1,3}){3,}[\p{L}\p{N}](?=$|[^\p{L}\p{N}])/gu,
    (run) =>
      run
        .split(/[ .\-_*/\\|,]{2,}/)
        .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ""))
        .join(" "),
  );
}
