// Claims one source asserts and another denies, with both sides' evidence.
// Params: $event_id, $actor_id, $source_id, $date_from, $date_to (each may be null), $skip, $limit.
// Twin: queries/denied_claims_twin.py
MATCH (:Source)-[:DENIES]->(c:Claim)
WITH DISTINCT c
WHERE EXISTS { MATCH (a:Source)-[:ASSERTS]->(c)<-[:DENIES]-(d:Source) WHERE a <> d }
OPTIONAL MATCH (c)-[:ABOUT]->(e:Event)
WITH c, e
WHERE ($event_id IS NULL OR e.id = $event_id)
  AND ($date_from IS NULL OR e.date >= $date_from)
  AND ($date_to IS NULL OR e.date <= $date_to)
  AND ($source_id IS NULL OR EXISTS { (c)<-[:ASSERTS|DENIES]-(:Source {id: $source_id}) })
  AND ($actor_id IS NULL
       OR EXISTS { (c)-[:MENTIONS]->(:Actor {id: $actor_id}) }
       OR EXISTS { (e)-[:PARTICIPANT]->(:Actor {id: $actor_id}) })
WITH c, e
ORDER BY coalesce(e.date, '') DESC, c.id
SKIP $skip LIMIT $limit
RETURN c.id AS claim_id, c.text AS claim_text,
       e.id AS event_id, e.name AS event_name, e.date AS event_date,
       [(s:Source)-[r:ASSERTS]->(c) |
         {source_id: s.id, source_name: s.name, type: type(r), props: properties(r)}] AS asserted,
       [(s:Source)-[r:DENIES]->(c) |
         {source_id: s.id, source_name: s.name, type: type(r), props: properties(r)}] AS denied
