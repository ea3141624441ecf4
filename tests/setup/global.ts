import type { TestProject } from "vitest/node";
import { ensureCourseDump } from "./course-dump.ts";

declare module "vitest" {
  export interface ProvidedContext {
    courseDumpPath: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide("courseDumpPath", await ensureCourseDump());
}
