-- Quiz mode: the answer key of a message's practice questions, kept back until the student asks
-- for it in the same session. Holds the key's text, its citations and the chunks they cite.
ALTER TABLE messages ADD COLUMN quiz_key jsonb;
-- Finding a session's latest quiz reads only the few messages that have one.
CREATE INDEX messages_session_quiz_idx ON messages (session_id, created_at) WHERE quiz_key IS NOT NULL;
