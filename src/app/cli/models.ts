import path from "node:path";
import {
  importModel,
  installedModels,
  isPresetName,
  MODEL_PRESETS,
  type ModelCheck,
  pullModel,
  readModelManifest,
  verifyModel,
} from "../../embed/models/index.ts";
import type { Config } from "../config.ts";
import { note, type Options, UsageError, write } from "./options.ts";

const modelsDirOf = (config: Config) => config.modelsDir ?? path.resolve("models");

/** `tutor models list | pull NAME | import DIR | verify [NAME]` */
export async function modelsCommand(
  config: Config,
  options: Options,
  positionals: string[],
): Promise<number> {
  const [action, target] = positionals;
  switch (action) {
    case "list":
      await listModels(config, options);
      return 0;
    case "pull":
      if (!target)
        throw new UsageError(`tutor models pull needs a preset: ${Object.keys(MODEL_PRESETS).join(", ")}`);
      await pull(config, options, target);
      return 0;
    case "import":
      if (!target) throw new UsageError("tutor models import needs an exported model folder");
      await importFolder(config, options, target);
      return 0;
    case "verify":
      return verify(config, options, target);
    default:
      throw new UsageError(`tutor models needs list, pull NAME, import DIR or verify [NAME]`);
  }
}

async function listModels(config: Config, options: Options): Promise<void> {
  const dir = modelsDirOf(config);
  const installed = await installedModels(dir);
  const rows = [
    ...Object.entries(MODEL_PRESETS).map(([name, preset]) => ({
      name,
      kind: preset.manifest.kind,
      installed: installed.includes(name),
      summary: preset.summary,
    })),
    ...(await Promise.all(
      installed
        .filter((name) => !isPresetName(name))
        .map(async (name) => {
          const manifest = await readModelManifest(path.join(dir, name)).catch(() => undefined);
          return { name, kind: manifest?.kind ?? "unknown", installed: true, summary: manifest?.name ?? "" };
        }),
    )),
  ];
  const inUse = [config.embeddingModelDir, config.rerankerModelDir]
    .filter(Boolean)
    .map((d) => path.resolve(d!));
  if (options.json) {
    write(
      JSON.stringify({
        modelsDir: dir,
        models: rows.map((r) => ({ ...r, inUse: inUse.includes(path.join(dir, r.name)) })),
      }),
    );
    return;
  }
  write(`Models folder: ${dir}`);
  for (const row of rows) {
    const state = row.installed
      ? inUse.includes(path.join(dir, row.name))
        ? "in use"
        : "installed"
      : "not installed";
    write(`  ${row.name.padEnd(18)} ${row.kind.padEnd(14)} ${state.padEnd(14)} ${row.summary}`);
  }
}

async function pull(config: Config, options: Options, name: string): Promise<void> {
  if (!isPresetName(name)) {
    throw new UsageError(`unknown preset "${name}" (known: ${Object.keys(MODEL_PRESETS).join(", ")})`);
  }
  const hubUrl = config.modelHubUrl ?? "https://huggingface.co";
  note(`Pulling ${name} (${MODEL_PRESETS[name].repo}) from ${hubUrl}…`);
  const dir = await pullModel(MODEL_PRESETS[name], {
    hubUrl,
    modelsDir: modelsDirOf(config),
    name,
    revision: options.revision,
    onFile: (file, bytes) => note(`  ${file} (${formatBytes(bytes)})`),
  });
  write(options.json ? JSON.stringify({ name, dir }) : `Pulled ${name} into ${dir}`);
}

async function importFolder(config: Config, options: Options, source: string): Promise<void> {
  const { dir, name } = await importModel(source, { modelsDir: modelsDirOf(config), name: options.as });
  write(options.json ? JSON.stringify({ name, dir }) : `Imported ${name} into ${dir}`);
}

async function verify(config: Config, options: Options, name: string | undefined): Promise<number> {
  const dir = modelsDirOf(config);
  const names = name ? [name] : await installedModels(dir);
  if (names.length === 0) {
    note(`No models in ${dir}: tutor models pull NAME, or tutor models import DIR`);
    return 1;
  }
  const checks: ModelCheck[] = [];
  for (const each of names) checks.push(await verifyModel(path.join(dir, each)));
  if (options.json) write(JSON.stringify({ models: checks }));
  else for (const check of checks) write(describeCheck(check));
  return checks.every((check) => check.ok) ? 0 : 1;
}

function describeCheck(check: ModelCheck): string {
  const timing =
    check.loadMs === undefined
      ? ""
      : ` (load ${Math.round(check.loadMs)} ms, probe ${Math.round(check.probeMs ?? 0)} ms)`;
  return `${check.ok ? "ok  " : "FAIL"} ${check.name} ${check.kind ?? ""}: ${check.detail}${timing}`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
