import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Context } from "hono";
import { z } from "zod";
import {
  ConfigNameError,
  type DatasetProblem,
  describeProblems,
  type EvalCase,
  type EvalConfig,
  parseCaseArray,
  parseConfigList,
  parseJsonl,
} from "../../../eval/index.ts";
import { parseJsonText } from "../body.ts";
import { ApiError, describeZodError, respondWithError } from "../errors.ts";
import { courseIdSchema } from "../schemas.ts";

const splitSchema = z.enum(["dev", "test", "all"]);
const configsSchema = z.union([z.string().max(500), z.array(z.string().max(50)).max(16)]);

const jsonBodySchema = z
  .object({
    course: courseIdSchema,
    /** The cases: a JSONL string or an array of case objects. */
    dataset: z.union([z.string().min(1).max(1_000_000), z.array(z.unknown()).min(1).max(10_000)]).optional(),
    /** Or a JSONL file on the server's disk (like `/admin/ingest`'s `dir`), for sets over 64 KiB. */
    datasetPath: z.string().min(1).max(4096).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    configs: configsSchema.optional(),
    split: splitSchema.optional(),
  })
  .refine((body) => (body.dataset === undefined) !== (body.datasetPath === undefined), {
    message: "send exactly one of dataset (JSONL text or an array of cases) and datasetPath",
    path: ["dataset"],
  });

const querySchema = z.object({
  course: courseIdSchema,
  name: z.string().trim().min(1).max(200).optional(),
  configs: z.string().max(500).optional(),
  split: splitSchema.optional(),
});

/** An eval run as an instructor asked for it, validated. */
export interface EvalRequest {
  course: string;
  datasetName: string;
  cases: EvalCase[];
  configs: EvalConfig[];
  split: "dev" | "test" | "all";
  /** The dataset came from a file on the server's disk (admins only). */
  fromServerFile: boolean;
}

function datasetError(problems: readonly DatasetProblem[]): ApiError & { problems: DatasetProblem[] } {
  const count = problems.length;
  const error = new ApiError(
    400,
    "invalid_dataset",
    `The dataset has ${count} bad line${count === 1 ? "" : "s"}:\n${describeProblems(problems)}`,
  ) as ApiError & { problems: DatasetProblem[] };
  error.problems = problems.slice(0, 100);
  return error;
}

function parseConfigsField(raw: string | readonly string[] | undefined): EvalConfig[] {
  try {
    return parseConfigList(raw);
  } catch (error) {
    if (error instanceof ConfigNameError)
      throw new ApiError(400, "invalid_request", `configs: ${error.message}`);
    throw error;
  }
}

async function readDatasetFile(file: string): Promise<string> {
  const resolved = path.resolve(file);
  const info = await stat(resolved).catch(() => undefined);
  if (!info?.isFile())
    throw new ApiError(400, "invalid_request", `datasetPath: ${resolved} is not a file on the server`);
  return readFile(resolved, "utf8");
}

/** The eval request of a JSON body or a JSONL body (course and options in the query string). */
export async function readEvalRequest(c: Context): Promise<EvalRequest> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  let raw: string;
  try {
    raw = await c.req.text();
  } catch {
    throw new ApiError(400, "invalid_body", "The request body could not be read.");
  }
  if (raw.trim() === "") throw new ApiError(400, "invalid_body", "The request body is empty.");
  if (type.includes("application/json")) return readJsonEvalRequest(raw);
  if (type === "" || type.includes("ndjson") || type.includes("jsonl") || type.includes("text/plain")) {
    return readJsonlEvalRequest(c, raw);
  }
  throw new ApiError(
    415,
    "unsupported_media_type",
    "Send the dataset as application/json ({course, dataset, configs?}) " +
      "or as JSONL (application/x-ndjson) with ?course=ID.",
  );
}

/** `{course, dataset | datasetPath, name?, configs?, split?}`: the cases inline or in a file on the server. */
async function readJsonEvalRequest(raw: string): Promise<EvalRequest> {
  const parsed = jsonBodySchema.safeParse(parseJsonText(raw));
  if (!parsed.success) throw new ApiError(400, "invalid_request", describeZodError(parsed.error));
  const { course, dataset, datasetPath } = parsed.data;
  const configs = parseConfigsField(parsed.data.configs);
  let result: ReturnType<typeof parseJsonl>;
  if (datasetPath !== undefined) result = parseJsonl(await readDatasetFile(datasetPath));
  else if (typeof dataset === "string") result = parseJsonl(dataset);
  else result = parseCaseArray(dataset ?? []);
  if (!result.ok) throw datasetError(result.problems);
  return {
    course,
    datasetName: parsed.data.name ?? (datasetPath ? path.basename(datasetPath) : "upload"),
    cases: result.cases,
    configs,
    split: parsed.data.split ?? "all",
    fromServerFile: datasetPath !== undefined,
  };
}

/** A JSONL body, with the course and options in the query string. */
function readJsonlEvalRequest(c: Context, raw: string): EvalRequest {
  const query = querySchema.safeParse(c.req.query());
  if (!query.success) {
    throw new ApiError(
      400,
      "invalid_request",
      `A JSONL upload names its course in the query string (?course=ID): ${describeZodError(query.error)}`,
    );
  }
  const configs = parseConfigsField(query.data.configs);
  const result = parseJsonl(raw);
  if (!result.ok) throw datasetError(result.problems);
  return {
    course: query.data.course,
    datasetName: query.data.name ?? "upload.jsonl",
    cases: result.cases,
    configs,
    split: query.data.split ?? "all",
    fromServerFile: false,
  };
}

/** Dataset problems carry their line numbers beside the usual {error:{code, message}}. */
export function respondWithProblems(error: Error, c: Context): Response {
  if (error instanceof ApiError && "problems" in error) {
    return c.json(
      {
        error: {
          code: error.code,
          message: error.message,
          problems: (error as { problems: unknown }).problems,
        },
      },
      error.status,
    );
  }
  return respondWithError(c, error);
}
