/** Model folders: presets known by name, pulling from the hub, importing exports, verifying. */
export { installedModels, resolveModelDir } from "./folders.ts";
export { importModel } from "./import.ts";
export {
  MANIFEST_FILE,
  MODEL_KINDS,
  ModelFolderError,
  type ModelKind,
  type ModelManifest,
  missingFiles,
  modelShortName,
  readModelManifest,
} from "./manifest.ts";
export { isPresetName, MODEL_PRESETS, type ModelPreset, type PresetName } from "./presets.ts";
export { ModelDownloadError, type PullOptions, pullModel } from "./pull.ts";
export { type ModelCheck, verifyModel } from "./verify.ts";
