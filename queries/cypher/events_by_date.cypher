// Events in date order, the undated ones after the dated (kept apart, not dropped), with
// the counts every write keeps per event (graph/tallies.py) and how many sources gave an account:
// the timeline. A date range leaves the undated out; $undated false leaves them out too.
// Params: $date_from, $date_to (each may be null), $undated, $skip, $limit.
// Twin: queries/events_by_date_twin.py
// $review_states: the review states of the account edges that count (graph/review.py).
MATCH (e:Event)
WHERE CASE WHEN e.date IS NULL
        THEN $undated AND $date_from IS NULL AND $date_to IS NULL
        ELSE ($date_from IS NULL OR e.date >= date($date_from)) AND ($date_to IS NULL OR e.date <= date($date_to))
      END
WITH e
ORDER BY e.date IS NULL, e.date, e.id
SKIP $skip LIMIT $limit
OPTIONAL MATCH (t:SckgInternal {key: 'event_tally:' + e.id})
RETURN e.id AS event_id, e.name AS name, e.kind AS kind, e.date AS date,
       coalesce(t.claims, 0) AS claims, coalesce(t.denials, 0) AS denials,
       coalesce(t.omissions, 0) AS omissions, coalesce(t.score, 0) AS score,
       coalesce(t.reviewed, 0) AS reviewed,
       COUNT { MATCH (s:Source)-[r:ASSERTS|DENIES|OMITS]->(:Claim)-[:ABOUT]->(e)
               WHERE coalesce(r.review, 'unreviewed') IN $review_states RETURN DISTINCT s } AS sources
ORDER BY e.date IS NULL, e.date, event_id
