// Events ranked by disagreement: score = 2 * DENIES edges + OMITS edges on their claims.
// Reads the counts every sckg write keeps per event (graph/tallies.py; SckgInternal nodes of kind 'event_tally'),
// so the ranking costs the contested events, not all their claims and edges.
// Params: $date_from, $date_to (each may be null), $skip, $limit.
// With an actor: contested_events_actor.cypher. Twin: queries/contested_events_twin.py
MATCH (t:SckgInternal)
WHERE t.score > 0
  AND ($date_from IS NULL OR t.date >= date($date_from))
  AND ($date_to IS NULL OR t.date <= date($date_to))
WITH t
ORDER BY t.score DESC, t.event_id
SKIP $skip LIMIT $limit
MATCH (e:Event {id: t.event_id})
RETURN e.id AS event_id, e.name AS name, e.kind AS kind, e.date AS date,
       t.claims AS claims, t.denials AS denials, t.omissions AS omissions, t.score AS score,
       coalesce(t.reviewed, 0) AS reviewed
ORDER BY score DESC, event_id
