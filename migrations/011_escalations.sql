-- Escalations: questions students hand to the teaching staff, grouped so one staff answer reaches
-- every student who asked the same thing, and the staff answers that become course material.

-- A course's escalation settings. The salt makes student pseudonyms differ from course to course.
CREATE TABLE escalation_settings (
  course_id           text PRIMARY KEY REFERENCES courses(id) ON DELETE CASCADE,
  auto_escalate       boolean NOT NULL DEFAULT false,
  staff_slack_channel text,
  show_student_names  boolean NOT NULL DEFAULT false,
  pseudonym_salt      text NOT NULL,
  updated_at          timestamptz NOT NULL DEFAULT now()
);

-- Similar open questions share a group; staff answer or dismiss a group once for all its members.
CREATE TABLE escalation_groups (
  id              uuid PRIMARY KEY,
  course_id       text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'dismissed')),
  answer          text,
  -- Who closed it ("admin", "slack:U…") and the role the answer is shown with.
  closed_by       text,
  answered_role   text,
  dismiss_reason  text,
  staff_answer_id uuid,
  -- The notification in the staff Slack channel, updated as the group grows and closes.
  slack_channel   text,
  slack_ts        text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  closed_at       timestamptz
);
CREATE INDEX escalation_groups_course_idx ON escalation_groups (course_id, status, created_at);

-- One row per student request. The question is the message's (already redacted); the note is
-- redacted before it is stored.
CREATE TABLE escalations (
  id              uuid PRIMARY KEY,
  course_id       text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  group_id        uuid NOT NULL REFERENCES escalation_groups(id) ON DELETE CASCADE,
  session_id      uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  message_id      uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  origin          text NOT NULL,
  note            text,
  -- What the student's pseudonym is derived from ("session:…", "slack:T…:U…").
  student_key     text NOT NULL,
  -- Where the staff answer goes besides the session (a Slack thread or DM).
  reply_to        jsonb,
  embedding       vector,
  embedding_model text,
  delivered_at    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (message_id)
);
CREATE INDEX escalations_group_idx ON escalations (group_id, created_at);
CREATE INDEX escalations_course_idx ON escalations (course_id, created_at);

-- Staff answers added to the course material as staff-answers/<slug>.md; retired ones leave the index.
CREATE TABLE staff_answers (
  id            uuid PRIMARY KEY,
  course_id     text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  group_id      uuid REFERENCES escalation_groups(id) ON DELETE SET NULL,
  slug          text NOT NULL,
  question      text NOT NULL,
  answer        text NOT NULL,
  answered_role text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  retired_at    timestamptz,
  UNIQUE (course_id, slug)
);

-- Replies from the staff inside a student's session, read by GET /v1/sessions/:id/messages.
CREATE TABLE staff_messages (
  id            uuid PRIMARY KEY,
  session_id    uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  course_id     text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  escalation_id uuid NOT NULL REFERENCES escalations(id) ON DELETE CASCADE,
  text          text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staff_messages_session_idx ON staff_messages (session_id, created_at);
