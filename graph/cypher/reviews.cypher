// The review log (graph/review.py), oldest first; $edge_ids null: all of it.
// Each review (SckgInternal, kind 'review') keeps the whole review as JSON in `record` (its replacement edge is a map).
MATCH (r:SckgInternal {kind: 'review'})
WHERE $edge_ids IS NULL OR r.edge_id IN $edge_ids
RETURN r.record AS record
ORDER BY r.at, r.id
