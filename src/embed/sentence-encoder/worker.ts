import { parentPort } from "node:worker_threads";
import { embedWithSentenceEncoder, loadSentenceEncoder } from "./model.ts";

// One model per worker thread; messages are embedded one batch at a time.
const modelReady = loadSentenceEncoder();

parentPort?.on("message", async (message: { texts: string[] }) => {
  try {
    const model = await modelReady;
    parentPort?.postMessage({ vectors: await embedWithSentenceEncoder(model, message.texts) });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
