-- Conversations: what students asked (already redacted by the guardrails) and what the tutor said.
CREATE TABLE sessions (
  id          uuid PRIMARY KEY,
  course_id   text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  surface     text NOT NULL DEFAULT 'api',
  created_at  timestamptz NOT NULL DEFAULT now(),
  last_seen   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE messages (
  id          uuid PRIMARY KEY,
  session_id  uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  course_id   text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  question    text NOT NULL,
  answer      text NOT NULL,
  status      text NOT NULL,
  mode        text NOT NULL DEFAULT 'explain',
  citations   jsonb NOT NULL DEFAULT '[]'::jsonb,
  guardrail   jsonb,
  degraded    boolean NOT NULL DEFAULT false,
  top_score   real,
  latency_ms  integer,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_session_idx ON messages (session_id, created_at);
CREATE INDEX messages_course_idx ON messages (course_id, created_at);

CREATE TABLE feedback (
  id          bigserial PRIMARY KEY,
  message_id  uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  session_id  uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  course_id   text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  rating      text NOT NULL CHECK (rating IN ('up', 'down')),
  comment     text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (message_id)
);
