// Contested events (see contested_events.cypher) among those $actor_id takes part in:
// starts from the actor, so it costs that actor's events.
// Params: $actor_id, $date_from, $date_to (dates may be null), $skip, $limit.
// Twin: queries/contested_events_twin.py
MATCH (:Actor {id: $actor_id})<-[:PARTICIPANT]-(e:Event)
WHERE ($date_from IS NULL OR e.date >= date($date_from))
  AND ($date_to IS NULL OR e.date <= date($date_to))
WITH DISTINCT e
MATCH (t:SckgInternal {key: 'event_tally:' + e.id})
WHERE t.score > 0
WITH e, t
ORDER BY t.score DESC, e.id
SKIP $skip LIMIT $limit
RETURN e.id AS event_id, e.name AS name, e.kind AS kind, e.date AS date,
       t.claims AS claims, t.denials AS denials, t.omissions AS omissions, t.score AS score,
       coalesce(t.reviewed, 0) AS reviewed
