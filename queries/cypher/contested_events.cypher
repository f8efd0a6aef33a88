// Events ranked by disagreement: score = 2 * DENIES edges + OMITS edges on their claims.
// Params: $actor_id, $date_from, $date_to (each may be null), $skip, $limit.
// Twin: queries/contested_events_twin.py
MATCH (e:Event)
WHERE ($date_from IS NULL OR e.date >= $date_from)
  AND ($date_to IS NULL OR e.date <= $date_to)
  AND ($actor_id IS NULL OR EXISTS { (e)-[:PARTICIPANT]->(:Actor {id: $actor_id}) })
MATCH (c:Claim)-[:ABOUT]->(e)
WITH e, count(c) AS claims,
     sum(COUNT { (c)<-[:DENIES]-(:Source) }) AS denials,
     sum(COUNT { (c)<-[:OMITS]-(:Source) }) AS omissions
WHERE denials + omissions > 0
WITH e, claims, denials, omissions, 2 * denials + omissions AS score
ORDER BY score DESC, e.id
SKIP $skip LIMIT $limit
RETURN e.id AS event_id, e.name AS name, e.kind AS kind, e.date AS date,
       claims, denials, omissions, score
