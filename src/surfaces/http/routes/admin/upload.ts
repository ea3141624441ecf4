import type { Context } from "hono";
import {
  collectMaterial,
  isZip,
  MaterialError,
  type MaterialLimits,
  type ParsedMaterial,
  unzipMaterial,
} from "../../../../courses/index.ts";
import { ApiError } from "../../errors.ts";

/** Course material from a zip body, or from multipart form files (zips among them are unpacked). */
export async function readMaterial(c: Context, limits: MaterialLimits): Promise<ParsedMaterial> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) return readFormMaterial(c, limits);
  if (
    type.startsWith("application/zip") ||
    type.startsWith("application/x-zip") ||
    type.startsWith("application/octet-stream")
  ) {
    const content = new Uint8Array(await c.req.arrayBuffer());
    if (!isZip(content)) throw new MaterialError("invalid_material", "the body is not a zip archive");
    return unzipMaterial(content, limits);
  }
  throw new ApiError(
    415,
    "unsupported_media_type",
    "send course material as application/zip, or as multipart/form-data files",
  );
}

async function readFormMaterial(c: Context, limits: MaterialLimits): Promise<ParsedMaterial> {
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw new MaterialError("invalid_material", "the multipart body could not be read");
  }
  const uploads = Object.values(form)
    .flat()
    .filter((value): value is File => value instanceof File);
  const plain: { name: string; content: Uint8Array }[] = [];
  const parts: ParsedMaterial[] = [];
  for (const file of uploads) {
    const content = new Uint8Array(await file.arrayBuffer());
    if (isZip(content)) parts.push(await unzipMaterial(content, limits));
    else plain.push({ name: file.name, content });
  }
  parts.push(await collectMaterial(plain, limits));
  const merged = new Map(parts.flatMap((p) => p.files).map((f) => [f.path, f]));
  const total = [...merged.values()].reduce((n, f) => n + f.content.byteLength, 0);
  if (total > limits.maxBytes) throw new MaterialError("material_too_large", "the material is too large");
  if (merged.size > limits.maxFiles)
    throw new MaterialError("material_too_large", `the material has more than ${limits.maxFiles} files`);
  return { files: [...merged.values()], ignored: parts.flatMap((p) => p.ignored) };
}
