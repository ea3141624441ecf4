-- Uploaded files are kept in parts of at most 64 KiB. The embedded database runs on the server's
-- one JavaScript thread: writing a large file in one statement held every other request until it
-- was done, while a part at a time lets requests through in between.
CREATE TABLE course_file_parts (
  course_id text NOT NULL,
  path      text NOT NULL,
  part      integer NOT NULL,
  content   bytea NOT NULL,
  PRIMARY KEY (course_id, path, part),
  FOREIGN KEY (course_id, path) REFERENCES course_files (course_id, path) ON DELETE CASCADE
);
INSERT INTO course_file_parts (course_id, path, part, content) SELECT course_id, path, 0, content FROM course_files;
ALTER TABLE course_files DROP COLUMN content;

-- A run whose process died is recorded as abandoned, not failed: nothing in it went wrong, it
-- stopped. Runs marked before this migration carry the reason in their error.
ALTER TABLE course_ingestions DROP CONSTRAINT course_ingestions_status_check;
ALTER TABLE course_ingestions ADD CONSTRAINT course_ingestions_status_check
  CHECK (status IN ('running', 'succeeded', 'failed', 'abandoned'));
UPDATE course_ingestions SET status = 'abandoned' WHERE status = 'failed' AND error LIKE 'abandoned:%';

-- How far a running ingestion has got ({phase, done, total}), written with its heartbeat, so any
-- replica can show it, and an abandoned run shows where it stopped.
ALTER TABLE course_ingestions ADD COLUMN progress jsonb;
