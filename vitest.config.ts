import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "evals/**/*.eval.ts"],
    globalSetup: ["tests/setup/global.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: integration files load models and databases; more workers only thrash.
    maxWorkers: 2,
    reporters: ["default"],
  },
});
