// Claims asserted by two different sources that speak for two different actors.
// Params: $event_id, $actor_id, $source_id, $date_from, $date_to (each may be null), $skip, $limit.
// Twin: queries/corroborated_claims_twin.py
MATCH (c:Claim)<-[:ASSERTS]-(s:Source)-[:SPEAKS_FOR]->(a:Actor)
WITH c, collect(DISTINCT [s.id, a.id]) AS pairs, collect(DISTINCT a) AS actors
WHERE any(x IN pairs WHERE any(y IN pairs WHERE x[0] <> y[0] AND x[1] <> y[1]))
  AND ($actor_id IS NULL OR any(x IN pairs WHERE x[1] = $actor_id))
  AND ($source_id IS NULL OR EXISTS { (c)<-[:ASSERTS]-(:Source {id: $source_id}) })
OPTIONAL MATCH (c)-[:ABOUT]->(e:Event)
WITH c, e, actors
WHERE ($event_id IS NULL OR e.id = $event_id)
  AND ($date_from IS NULL OR e.date >= $date_from)
  AND ($date_to IS NULL OR e.date <= $date_to)
ORDER BY size(actors) DESC, c.id
SKIP $skip LIMIT $limit
RETURN c.id AS claim_id, c.text AS claim_text,
       e.id AS event_id, e.name AS event_name, e.date AS event_date,
       [a IN actors | a {.id, .name}] AS actors,
       [(s:Source)-[r:ASSERTS]->(c) |
         {source_id: s.id, source_name: s.name, type: type(r), props: properties(r)}] AS asserted
