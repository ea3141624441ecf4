-- Courses, their documents and the embedded chunks retrieval works on.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE courses (
  id              text PRIMARY KEY,
  title           text NOT NULL DEFAULT '',
  -- The embedding model a course's vectors came from; a different model means a full re-embed.
  embedding_model text,
  embedding_dim   integer,
  -- Bumped whenever ingestion changes the course, so every replica knows to reload its indexes.
  version         bigint NOT NULL DEFAULT 0,
  settings        jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE documents (
  id           bigserial PRIMARY KEY,
  course_id    text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  source       text NOT NULL,
  title        text NOT NULL DEFAULT '',
  url          text,
  week         integer,
  format       text NOT NULL,
  content_hash text NOT NULL,
  chunk_count  integer NOT NULL DEFAULT 0,
  meta         jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (course_id, source)
);

CREATE TABLE chunks (
  id            bigserial PRIMARY KEY,
  course_id     text NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  document_id   bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord           integer NOT NULL,
  source        text NOT NULL,
  title         text NOT NULL DEFAULT '',
  heading       text NOT NULL DEFAULT '',
  heading_path  text[] NOT NULL DEFAULT '{}',
  locator       text,
  url           text,
  week          integer,
  text          text NOT NULL,
  content_hash  text NOT NULL,
  -- Untyped so courses on different models can share the table; indexes are per dimension.
  embedding     vector NOT NULL,
  embedding_dim integer NOT NULL,
  -- Vector search only compares vectors from the model the query was embedded with.
  embedding_model text NOT NULL,
  UNIQUE (document_id, ord)
);

CREATE INDEX chunks_course_idx ON chunks (course_id, week);
CREATE INDEX chunks_source_idx ON chunks (course_id, source text_pattern_ops);

-- The bundled Universal Sentence Encoder is 512-d. Other dimensions get their own partial index,
-- created by the application the first time a course uses them (see src/db/vector-index.ts).
CREATE INDEX chunks_embedding_hnsw_512 ON chunks
  USING hnsw ((embedding::vector(512)) vector_cosine_ops)
  WHERE embedding_dim = 512;

-- Embeddings by (model, text hash): the same text is never embedded twice, across courses too.
CREATE TABLE embedding_cache (
  model        text NOT NULL,
  content_hash text NOT NULL,
  embedding    vector NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (model, content_hash)
);
