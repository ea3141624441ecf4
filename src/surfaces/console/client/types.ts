/** The shapes the console reads from /admin (type-only imports of the server's own types). */
import type { Answer } from "../../../core/chat.ts";
import type { CourseSettings } from "../../../courses/settings.ts";
import type { CourseStats } from "../../../courses/stats.ts";
import type {
  DocumentChunk,
  EvalRunRecord,
  IngestionRun,
  StaffInvite,
  StaffMembership,
  StaffUser,
} from "../../../db/index.ts";
import type { EvalReport } from "../../../eval/report.ts";
import type { CourseInsights } from "../../../insights/types.ts";
import type { presentTrace } from "../../http/routes/admin/playground.ts";

export type {
  Answer,
  CourseInsights,
  CourseSettings,
  CourseStats,
  DocumentChunk,
  EvalReport,
  EvalRunRecord,
  IngestionRun,
  StaffInvite,
  StaffUser,
};

export type Trace = ReturnType<typeof presentTrace>;

export interface Me {
  kind: "user" | "token";
  id?: string;
  email?: string;
  name?: string;
  admin: boolean;
  courses: StaffMembership[];
}

export interface Session {
  user: Me;
  csrfToken: string | null;
  llmAvailable: boolean;
}

export interface CourseListing {
  id: string;
  title: string;
  documents: number;
  chunks: number;
  archived: boolean;
  role: "admin" | "instructor" | "ta" | null;
  health: {
    lastIngestion: { status: string; startedAt: string; finishedAt: string | null } | null;
    questionsThisWeek: number;
    feedback: { up: number; down: number; downShare: number | null };
  };
}

export interface SettingsReply {
  course: string;
  settings: CourseSettings;
  effective: {
    visibleWeek: number | null;
    llm: boolean;
    llmAvailable: boolean;
    slackFromEnvironment: string[];
    guardRules: string[];
  };
}

export interface MaterialFile {
  path: string;
  bytes: number;
  uploadedAt: string;
  status: "ingested" | "skipped" | "pending";
  document?: { title: string; format: string; week: number | null; chunks: number };
  skippedBecause?: string;
}

export type EvalRunListing = EvalRunRecord & {
  stale: boolean;
  metrics?: Record<string, Record<string, number | null>>;
};

export interface Comparison {
  base: { id: string; datasetName: string; cases: number; createdAt: string };
  candidate: { id: string; datasetName: string; cases: number; createdAt: string };
  sameDataset: boolean;
  configs: {
    config: string;
    metrics: Record<string, { base: number | null; candidate: number | null; delta: number | null }>;
  }[];
}

export interface StaffMember extends StaffUser {
  role: "instructor" | "ta";
}
