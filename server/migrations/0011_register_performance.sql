-- Register performance at national scale.
-- Every authenticated request looks its session up by the token's hash: index it (unique, as a
-- SHA-256 of 32 random bytes is).
CREATE UNIQUE INDEX user_session_token_idx ON user_session (token_hash);

-- Full-text ranking reads the vector of every match. The full vector carries the documents' text
-- (weight D) and is tens of times larger than what a record says about itself, so results are
-- ranked on this head vector (code, title, objek, parties, ruang lingkup) while `search` still
-- decides what matches. The documents' text itself leaves the row: only the first 1,000
-- characters stay, for search snippets, so rows that every list walks stay narrow.
ALTER TABLE cooperation ADD COLUMN search_head tsvector NOT NULL DEFAULT ''::tsvector;
ALTER TABLE cooperation ADD COLUMN document_excerpt text NOT NULL DEFAULT '';
UPDATE cooperation SET
  search_head =
    setweight(to_tsvector('indonesian', code || ' ' || title), 'A') ||
    setweight(to_tsvector('indonesian', objek || ' ' || party_names), 'B') ||
    setweight(to_tsvector('indonesian', coalesce((SELECT string_agg(x, ' ') FROM jsonb_array_elements_text(ruang_lingkup) x), '')), 'C'),
  document_excerpt = left(document_text, 1000);
ALTER TABLE cooperation DROP COLUMN document_text;
