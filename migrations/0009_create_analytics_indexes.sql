-- Full-text search over quotations (weight A) and summaries (weight B) of every version of a position. The
-- expression is repeated verbatim by src/analytics/quotation-search so the planner can use this index.
CREATE INDEX stance_timeline_search_idx ON stance_timeline USING gin (
  (setweight(to_tsvector('english', coalesce(quote, '')), 'A') || setweight(to_tsvector('english', summary), 'B'))
);

-- What we learned between two record times: versions by the time they were recorded.
CREATE INDEX stance_timeline_recorded_from_idx ON stance_timeline (recorded_from, version_id);
