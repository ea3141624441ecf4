/** Eval runs are stored by the database layer; the eval jobs and routes use them from here. */
export { type EvalRunRecord, EvalRunStore, type RunStatus } from "../db/index.ts";
