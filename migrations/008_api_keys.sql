-- API keys for the OpenAI-compatible API (/v1/chat/completions, /v1/models): one course each.
-- Only the key's SHA-256 is stored; the key itself is shown once, when it is issued.
CREATE TABLE api_keys (
  id           uuid PRIMARY KEY,
  course_id    text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  name         text NOT NULL,
  key_hash     text NOT NULL UNIQUE,
  -- The key's first characters, so an admin can tell keys apart in a listing.
  prefix       text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX api_keys_course_idx ON api_keys (course_id, created_at);

-- OpenAI clients send the whole conversation with every request. A conversation the tutor has
-- answered before is found again by a hash of its turns (per key and course), and continues
-- the tutor session that answered it.
CREATE TABLE api_key_sessions (
  conversation_hash text PRIMARY KEY,
  key_id            uuid NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
  session_id        uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_key_sessions_session_idx ON api_key_sessions (session_id);
