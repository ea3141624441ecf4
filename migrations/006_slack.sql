-- Slack: what this deployment has already seen, shared by every replica, and which tutor session
-- a Slack conversation continues.

-- Request signatures (replay protection) and event ids (Slack retries), keyed by kind-prefixed
-- strings. A row only has to outlive the window in which the same thing can arrive again.
CREATE TABLE slack_seen (
  key        text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX slack_seen_expires_idx ON slack_seen (expires_at);

-- A thread (mentions) or a channel + user (DMs, slash commands) continues one tutor session.
CREATE TABLE slack_sessions (
  slack_key  text PRIMARY KEY,
  course_id  text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  updated_at timestamptz NOT NULL DEFAULT now()
);
