-- Search at scale: one HNSW index per course and embedding size instead of one per size shared by
-- every course, and each course version's lexical indexes stored so replicas load them instead of
-- rebuilding them (docs/retrieval.md, "Many courses on one machine").

-- The name of a course's HNSW index for one embedding size. Course ids are free text, so the name
-- carries a hash of the id rather than the id itself.
CREATE FUNCTION tutor_course_vector_index_name(course text, dim integer) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT
  AS $$ SELECT 'chunks_hnsw_' || dim::text || '_' || left(md5(course), 20) $$;

-- Creates the partial HNSW index over one course's vectors of one size when it is missing, and says
-- whether it did. The course id goes into the predicate as a quoted literal (%L), the size as an
-- integer; pgvector indexes at most 2,000 dimensions, so larger vectors are searched exactly.
CREATE FUNCTION tutor_ensure_course_vector_index(course text, dim integer) RETURNS boolean
  LANGUAGE plpgsql
  AS $$
DECLARE
  index_name text := tutor_course_vector_index_name(course, dim);
BEGIN
  IF dim IS NULL OR dim < 1 OR dim > 2000 OR to_regclass(index_name) IS NOT NULL THEN
    RETURN false;
  END IF;
  EXECUTE format(
    'CREATE INDEX %I ON chunks USING hnsw ((embedding::vector(%s)) vector_cosine_ops) '
      'WHERE course_id = %L AND embedding_dim = %s',
    index_name, dim, course, dim);
  RETURN true;
END
$$;

-- Every course that has vectors gets its own index now; the shared per-size ones go. A filter on
-- the course made the planner scan the shared index past every other course's vectors.
SELECT tutor_ensure_course_vector_index(id, embedding_dim)
  FROM courses
 WHERE embedding_dim IS NOT NULL AND right(id, 8) <> '~staging';

DO $$
DECLARE
  shared record;
BEGIN
  FOR shared IN
    SELECT indexname FROM pg_indexes
     WHERE tablename = 'chunks' AND indexname ~ '^chunks_embedding_hnsw_[0-9]+$'
  LOOP
    EXECUTE format('DROP INDEX %I', shared.indexname);
  END LOOP;
END
$$;

-- The lexical indexes (BM25, term associations, the reranker's view of each chunk) of one course
-- version, in the format `format` names (src/retrieve/indexes/persisted.ts). A course keeps only
-- its latest; a version or format that does not match is rebuilt from the chunks.
CREATE TABLE course_search_indexes (
  course_id  text PRIMARY KEY REFERENCES courses(id) ON DELETE CASCADE,
  version    bigint NOT NULL,
  format     text NOT NULL,
  -- Bytes of the decoded index, for the memory budget and the admin's information.
  bytes      bigint NOT NULL,
  -- Base64: PGlite hands bytea over as hex text, which costs far more to decode.
  data       text NOT NULL,
  built_ms   integer NOT NULL,
  built_at   timestamptz NOT NULL DEFAULT now()
);

-- Stored as it is: the data is already dense and compressing it would cost every load.
ALTER TABLE course_search_indexes ALTER COLUMN data SET STORAGE EXTERNAL;
