/** Small facts every loader needs about a file. */

const utf8 = new TextDecoder("utf-8");

/** Decodes UTF-8 (invalid bytes become U+FFFD), drops a byte-order mark, unifies line endings. */
export function decodeText(bytes: Uint8Array): string {
  return utf8
    .decode(bytes)
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n");
}

/** Lower-case extension with its dot (".md"), or "" when the name has none. */
export function extensionOf(relativePath: string): string {
  const name = fileNameOf(relativePath);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

export function fileNameOf(relativePath: string): string {
  return relativePath.split(/[\\/]/).pop() ?? relativePath;
}

/**
 * The document with every NUL character removed from its strings, keys included. PostgreSQL text
 * and jsonb cannot hold U+0000, and one stray NUL in a file must not fail a whole course's ingestion.
 */
export function withoutNul<Value>(value: Value): Value {
  if (typeof value === "string") return value.replaceAll("\u0000", "") as Value;
  if (Array.isArray(value)) return value.map((item: unknown) => withoutNul(item)) as Value;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key.replaceAll("\u0000", ""), withoutNul(item)]),
    ) as Value;
  }
  return value;
}
