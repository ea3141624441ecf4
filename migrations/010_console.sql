-- The instructor console: staff accounts, their roles per course, one-time invites, sign-in
-- sessions, and archived courses. Course settings (release schedule, guard overrides, default
-- mode, LLM on/off, Slack channels, allowed origins) live in courses.settings (jsonb).

-- A person who signs in to the console. Admins see every course; everyone else sees the courses
-- they are a member of. Emails are stored lower-cased.
CREATE TABLE staff_users (
  id            uuid PRIMARY KEY,
  email         text NOT NULL UNIQUE,
  name          text NOT NULL DEFAULT '',
  is_admin      boolean NOT NULL DEFAULT false,
  -- scrypt$N$r$p$salt$hash (base64url); see src/accounts/passwords.ts.
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz
);

-- What a user may do in one course: 'instructor' (everything) or 'ta' (read, answer questions).
CREATE TABLE course_staff (
  user_id    uuid NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  course_id  text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  role       text NOT NULL CHECK (role IN ('instructor', 'ta')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, course_id)
);
CREATE INDEX course_staff_course_idx ON course_staff (course_id);

-- One-time invite links. Only the token's SHA-256 is kept, so a database dump holds no usable link.
-- An admin invite has no course; an instructor or TA invite names one.
CREATE TABLE staff_invites (
  token_hash  text PRIMARY KEY,
  email       text NOT NULL,
  role        text NOT NULL CHECK (role IN ('admin', 'instructor', 'ta')),
  course_id   text REFERENCES courses(id) ON DELETE CASCADE,
  invited_by  uuid REFERENCES staff_users(id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  CHECK ((role = 'admin') = (course_id IS NULL))
);
CREATE INDEX staff_invites_course_idx ON staff_invites (course_id);

-- Signed-in browsers. The cookie carries a random token; the table keeps its SHA-256 and the
-- session's CSRF token, which every state-changing request must echo in a header.
CREATE TABLE staff_sessions (
  token_hash text PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX staff_sessions_user_idx ON staff_sessions (user_id);
CREATE INDEX staff_sessions_expires_idx ON staff_sessions (expires_at);

-- An archived course keeps its data and answers no student; it can be restored.
ALTER TABLE courses ADD COLUMN archived_at timestamptz;
