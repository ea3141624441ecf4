import { createHash } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import { supportedExtensions } from "../ingest/loaders/index.ts";
import type { MaterialLimits } from "./limits.ts";
import { extractEntry, readZipDirectory, type ZipEntry, ZipError } from "./zip.ts";

const HASH_SLICE = 1024 * 1024;

/** One file of course material, as it will sit in the course folder. */
export interface MaterialFile {
  /** '/'-separated path inside the course folder: the document's `source`. */
  path: string;
  content: Uint8Array;
  sha256: string;
}

export interface ParsedMaterial {
  files: MaterialFile[];
  /** Entries left out, with why (unsupported type, hidden file, folder). */
  ignored: { path: string; reason: string }[];
}

/** Raised for uploads the tutor will not take; the route turns it into a 400 or 413. */
export class MaterialError extends Error {
  override name = "MaterialError";
  constructor(
    readonly code: "invalid_material" | "material_too_large",
    message: string,
  ) {
    super(message);
  }
}

const IGNORED_FOLDERS = new Set(["__MACOSX", "node_modules", ".git", "__pycache__", "dist", "build"]);

// C0 (NUL, BEL, ESC, CR, LF…), DEL and C1: in a name they reach students in citations.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
const HAS_CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTERS.source);

/** A name as error messages show it: quoted, control characters escaped, long ones cut. */
export function showName(name: string): string {
  const cut = name.length > 200 ? `${name.slice(0, 200)}…` : name;
  const escaped = cut.replace(
    CONTROL_CHARACTERS,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
  return `"${escaped}"`;
}

/**
 * A safe relative path, or a reason to refuse it. Paths come from zip entries and form file
 * names, which an attacker controls: nothing absolute, no '..', no drive letters, no control
 * characters.
 */
export function cleanMaterialPath(raw: string): { path: string } | { reason: string } {
  if (HAS_CONTROL_CHARACTER.test(raw)) return { reason: "the name holds control characters" };
  const unified = raw.replace(/\\/g, "/");
  if (/^[A-Za-z]:/.test(unified) || unified.startsWith("/")) return { reason: "absolute path" };
  const parts = unified.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.some((part) => part === "..")) return { reason: "path leaves the course folder" };
  if (parts.length === 0) return { reason: "empty path" };
  const path = parts.join("/");
  if (path.length > 512) return { reason: "path longer than 512 characters" };
  return { path };
}

/** The cleaned path of an entry, or a 400 naming it. */
function checkedPath(name: string): string {
  const cleaned = cleanMaterialPath(name);
  if ("reason" in cleaned)
    throw new MaterialError("invalid_material", `${showName(name)}: ${cleaned.reason}`);
  return cleaned.path;
}

function whyIgnored(path: string): string | undefined {
  const parts = path.split("/");
  if (parts.some((part) => IGNORED_FOLDERS.has(part))) return "tooling or archive folder";
  if (parts.some((part) => part.startsWith("."))) return "hidden file";
  const dot = path.lastIndexOf(".");
  const extension = dot >= 0 ? path.slice(dot).toLowerCase() : "";
  if (!supportedExtensions.includes(extension))
    return `unsupported file type (supported: ${supportedExtensions.join(", ")})`;
  return undefined;
}

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/** Collects named files into course material: paths cleaned, unsupported ones set aside, limits kept. */
export async function collectMaterial(
  entries: readonly { name: string; content: Uint8Array }[],
  limits: MaterialLimits,
): Promise<ParsedMaterial> {
  const files = new Map<string, MaterialFile>();
  const ignored: ParsedMaterial["ignored"] = [];
  let total = 0;
  for (const entry of entries) {
    const path = checkedPath(entry.name);
    const reason = whyIgnored(path);
    if (reason) {
      ignored.push({ path, reason });
      continue;
    }
    total += entry.content.byteLength;
    if (total > limits.maxBytes) throw tooLarge(limits);
    files.set(path, { path, content: entry.content, sha256: await sha256(entry.content) });
    if (files.size > limits.maxFiles)
      throw new MaterialError("material_too_large", `the material has more than ${limits.maxFiles} files`);
  }
  return { files: [...files.values()], ignored };
}

/**
 * The files of a zip archive. Every name is checked before anything is inflated; a single folder
 * wrapping everything (what zipping a folder produces) is dropped; entries set aside (hidden,
 * unsupported) are never inflated. The rest inflate one by one off the event loop, each checked
 * against its declared size and CRC-32, their total against the limit.
 */
export async function unzipMaterial(bytes: Uint8Array, limits: MaterialLimits): Promise<ParsedMaterial> {
  const entries = zipStep(() => readZipDirectory(bytes, limits.maxFiles * 4));
  const named = entries
    .filter((entry) => !entry.name.endsWith("/"))
    .map((entry) => ({ entry, path: checkedPath(entry.name) }));
  const prefix = commonFolder(named.map((n) => n.path));
  const wanted: { entry: ZipEntry; path: string }[] = [];
  const ignored: ParsedMaterial["ignored"] = [];
  for (const { entry, path: cleaned } of named) {
    // macOS metadata sits outside the wrapping folder; it is ignored either way.
    const path = prefix && cleaned.startsWith(prefix) ? cleaned.slice(prefix.length) : cleaned;
    const reason = whyIgnored(path);
    if (reason) ignored.push({ path, reason });
    else wanted.push({ entry, path });
  }
  if (wanted.reduce((sum, w) => sum + w.entry.size, 0) > limits.maxBytes) throw tooLarge(limits, "unzipped ");
  const files = new Map<string, MaterialFile>();
  let produced = 0;
  for (const { entry, path } of wanted) {
    const content = await zipStepAsync(() => extractEntry(bytes, entry, limits.maxBytes - produced));
    produced += content.byteLength;
    if (produced > limits.maxBytes) throw tooLarge(limits, "unzipped ");
    files.set(path, { path, content, sha256: await sha256(content) });
    if (files.size > limits.maxFiles)
      throw new MaterialError("material_too_large", `the material has more than ${limits.maxFiles} files`);
  }
  return { files: [...files.values()], ignored };
}

function zipStep<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw asMaterialError(error);
  }
}

async function zipStepAsync<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw asMaterialError(error);
  }
}

function asMaterialError(error: unknown): unknown {
  if (!(error instanceof ZipError)) return error;
  const message = error.entry === undefined ? error.message : `${showName(error.entry)}: ${error.message}`;
  return new MaterialError(error.code === "too_large" ? "material_too_large" : "invalid_material", message);
}

function tooLarge(limits: MaterialLimits, what = ""): MaterialError {
  return new MaterialError(
    "material_too_large",
    `the ${what}material is over ${formatBytes(limits.maxBytes)}`,
  );
}

/** "course/" when every cleaned path (ignoring macOS metadata) sits in that one folder, else "". */
function commonFolder(paths: readonly string[]): string {
  const relevant = paths.filter((path) => !path.startsWith("__MACOSX/"));
  const first = relevant[0] ?? "";
  const slash = first.indexOf("/");
  if (slash <= 0) return "";
  const folder = first.slice(0, slash + 1);
  return relevant.every((path) => path.startsWith(folder)) ? folder : "";
}

/** sha256, hex, a slice at a time so a large file does not hold the event loop. */
async function sha256(content: Uint8Array): Promise<string> {
  const hash = createHash("sha256");
  for (let at = 0; at < content.byteLength; at += HASH_SLICE) {
    hash.update(content.subarray(at, at + HASH_SLICE));
    if (at + HASH_SLICE < content.byteLength) await nextTurn();
  }
  return hash.digest("hex");
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}
