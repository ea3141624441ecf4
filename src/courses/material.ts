import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import { supportedExtensions } from "../ingest/loaders/index.ts";
import type { MaterialLimits } from "./limits.ts";

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

/**
 * A safe relative path, or a reason to refuse it. Paths come from zip entries and form file
 * names, which an attacker controls: nothing absolute, no '..', no drive letters, no NULs.
 */
export function cleanMaterialPath(raw: string): { path: string } | { reason: string } {
  const unified = raw.replace(/\\/g, "/");
  if (unified.includes("\0")) return { reason: "path holds a NUL character" };
  if (/^[A-Za-z]:/.test(unified) || unified.startsWith("/")) return { reason: "absolute path" };
  const parts = unified.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.some((part) => part === "..")) return { reason: "path leaves the course folder" };
  if (parts.length === 0) return { reason: "empty path" };
  const path = parts.join("/");
  if (path.length > 512) return { reason: "path longer than 512 characters" };
  return { path };
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
export function collectMaterial(
  entries: readonly { name: string; content: Uint8Array }[],
  limits: MaterialLimits,
): ParsedMaterial {
  const files = new Map<string, MaterialFile>();
  const ignored: ParsedMaterial["ignored"] = [];
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue; // a folder entry of a zip
    const cleaned = cleanMaterialPath(entry.name);
    if ("reason" in cleaned) throw new MaterialError("invalid_material", `${entry.name}: ${cleaned.reason}`);
    const reason = whyIgnored(cleaned.path);
    if (reason) {
      ignored.push({ path: cleaned.path, reason });
      continue;
    }
    total += entry.content.byteLength;
    if (total > limits.maxBytes)
      throw new MaterialError("material_too_large", `the material is over ${formatBytes(limits.maxBytes)}`);
    files.set(cleaned.path, {
      path: cleaned.path,
      content: entry.content,
      sha256: createHash("sha256").update(entry.content).digest("hex"),
    });
    if (files.size > limits.maxFiles)
      throw new MaterialError("material_too_large", `the material has more than ${limits.maxFiles} files`);
  }
  return { files: [...files.values()], ignored };
}

/**
 * The files of a zip archive. Declared sizes are checked before anything is inflated (zip
 * bombs), and a single folder wrapping everything (what zipping a folder produces) is dropped.
 */
export function unzipMaterial(bytes: Uint8Array, limits: MaterialLimits): ParsedMaterial {
  let declared = 0;
  let count = 0;
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(bytes, {
      filter(file) {
        if (file.name.endsWith("/")) return false;
        declared += file.originalSize;
        count += 1;
        if (declared > limits.maxBytes)
          throw new MaterialError(
            "material_too_large",
            `the unzipped material is over ${formatBytes(limits.maxBytes)}`,
          );
        if (count > limits.maxFiles * 4)
          throw new MaterialError(
            "material_too_large",
            `the archive has more than ${limits.maxFiles * 4} entries`,
          );
        return true;
      },
    });
  } catch (error) {
    if (error instanceof MaterialError) throw error;
    throw new MaterialError("invalid_material", "the upload is not a readable zip archive");
  }
  const names = Object.keys(unpacked);
  const prefix = commonFolder(names);
  return collectMaterial(
    names.map((name) => ({
      // macOS metadata sits outside the wrapping folder; it is ignored later either way.
      name: name.startsWith(prefix) ? name.slice(prefix.length) : name,
      content: unpacked[name] as Uint8Array,
    })),
    limits,
  );
}

/** "course/" when every entry (ignoring macOS metadata) sits in that one folder, else "". */
function commonFolder(names: readonly string[]): string {
  const relevant = names.filter((name) => !name.startsWith("__MACOSX/"));
  const first = relevant[0] ?? "";
  const slash = first.indexOf("/");
  if (slash < 0) return "";
  const folder = first.slice(0, slash + 1);
  if (folder === "./" || folder === "../") return "";
  return relevant.every((name) => name.startsWith(folder)) ? folder : "";
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}
