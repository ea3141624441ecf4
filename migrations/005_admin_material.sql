-- Course material uploaded through the admin API, and a record of every ingestion run.

-- Uploaded files live in the database, not on one replica's disk, so any replica can re-ingest a
-- course and a load balancer may send the upload and the next ingestion to different processes.
CREATE TABLE course_files (
  course_id   text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  -- Path inside the course folder, '/'-separated, never absolute and never with '..'.
  path        text NOT NULL,
  content     bytea NOT NULL,
  bytes       integer NOT NULL,
  sha256      text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (course_id, path)
);

-- One row per ingestion. A course has at most one running ingestion across all replicas (the
-- partial unique index); a run whose process died stops heart-beating and is taken over.
CREATE TABLE course_ingestions (
  id           uuid PRIMARY KEY,
  course_id    text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  trigger      text NOT NULL,
  status       text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  -- host:pid:nonce of the process running it.
  owner        text,
  summary      jsonb,
  error        text,
  started_at   timestamptz NOT NULL DEFAULT now(),
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);
CREATE UNIQUE INDEX course_ingestions_one_running ON course_ingestions (course_id) WHERE status = 'running';
CREATE INDEX course_ingestions_course_idx ON course_ingestions (course_id, started_at DESC);

-- Insights read feedback per course over time.
CREATE INDEX feedback_course_idx ON feedback (course_id, created_at);
