-- LTI 1.3: the platforms (LMSs) registered with this tool, the tool's signing keys, the
-- one-time login states and nonces, which course each LMS context uses, and learners' sessions.

CREATE TABLE lti_platforms (
  id             uuid PRIMARY KEY,
  name           text NOT NULL DEFAULT '',
  issuer         text NOT NULL,
  client_id      text NOT NULL,
  auth_endpoint  text NOT NULL,
  jwks_url       text NOT NULL,
  deployment_ids text[] NOT NULL DEFAULT '{}',
  -- Courses instructors of this platform may choose; NULL allows every course.
  courses        text[],
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (issuer, client_id)
);

-- The tool's RS256 key pairs. One is current (retired_at NULL); retired ones stay published in
-- the JWKS for a grace period so tokens signed just before a rotation still verify.
CREATE TABLE lti_tool_keys (
  kid         text PRIMARY KEY,
  private_jwk jsonb NOT NULL,
  public_jwk  jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  retired_at  timestamptz
);
CREATE UNIQUE INDEX lti_tool_keys_one_current ON lti_tool_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;

-- Secrets the tool generates once and every replica shares (the user pseudonym key).
CREATE TABLE lti_secrets (
  name       text PRIMARY KEY,
  value      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A login in progress: the state and nonce sent to the platform, used once by the launch.
CREATE TABLE lti_states (
  state       text PRIMARY KEY,
  nonce       text NOT NULL,
  platform_id uuid NOT NULL REFERENCES lti_platforms(id) ON DELETE CASCADE,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX lti_states_expires_idx ON lti_states (expires_at);

-- Nonces of id_tokens already accepted: a token is good for one launch only.
CREATE TABLE lti_used_nonces (
  nonce      text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX lti_used_nonces_expires_idx ON lti_used_nonces (expires_at);

-- The course an LMS context (a course site in the LMS) uses, chosen once by an instructor.
CREATE TABLE lti_contexts (
  platform_id uuid NOT NULL REFERENCES lti_platforms(id) ON DELETE CASCADE,
  context_id  text NOT NULL,
  course_id   text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  title       text NOT NULL DEFAULT '',
  chosen_by   text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform_id, context_id)
);

-- A learner's tutor session per platform, context and course; `owner` is the pseudonymised LMS
-- user id (HMAC), never the id itself.
CREATE TABLE lti_sessions (
  platform_id uuid NOT NULL REFERENCES lti_platforms(id) ON DELETE CASCADE,
  owner       text NOT NULL,
  context_id  text NOT NULL,
  course_id   text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  session_id  uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform_id, owner, context_id, course_id)
);
CREATE INDEX lti_sessions_session_idx ON lti_sessions (session_id);
