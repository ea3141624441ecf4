-- Eval runs instructors start over HTTP (POST /admin/evals): the dataset that ran, progress while
-- it runs in the background, and the finished report (JSON and the self-contained HTML page).
CREATE TABLE eval_runs (
  id             uuid PRIMARY KEY,
  course_id      text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  status         text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  dataset_name   text NOT NULL,
  dataset        jsonb NOT NULL,
  case_count     integer NOT NULL,
  configs        text[] NOT NULL,
  split          text NOT NULL DEFAULT 'all',
  progress_done  integer NOT NULL DEFAULT 0,
  progress_total integer NOT NULL DEFAULT 0,
  report         jsonb,
  report_html    text,
  error          text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  started_at     timestamptz,
  finished_at    timestamptz,
  -- Touched while a run makes progress, so a run whose process died can be told from a slow one.
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX eval_runs_course_idx ON eval_runs (course_id, created_at DESC);
