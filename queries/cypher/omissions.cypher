// Points a source's account left out that another source asserted: one row per (claim, omitter).
// Params: $event_id, $source_id (each may be null), $skip, $limit.
// Twin: queries/omissions_twin.py
MATCH (o:Source)-[:OMITS]->(c:Claim)
WHERE ($source_id IS NULL OR o.id = $source_id)
  AND EXISTS { MATCH (a:Source)-[:ASSERTS]->(c) WHERE a <> o }
WITH DISTINCT o, c
OPTIONAL MATCH (c)-[:ABOUT]->(e:Event)
WITH o, c, e
WHERE $event_id IS NULL OR e.id = $event_id
ORDER BY coalesce(e.date, '') DESC, c.id, o.id
SKIP $skip LIMIT $limit
RETURN c.id AS claim_id, c.text AS claim_text,
       e.id AS event_id, e.name AS event_name, e.date AS event_date,
       o.id AS source_id, o.name AS source_name,
       [(o)-[r:OMITS]->(c) |
         {source_id: o.id, source_name: o.name, type: type(r), props: properties(r)}] AS omitted,
       [(s:Source)-[r:ASSERTS]->(c) WHERE s <> o |
         {source_id: s.id, source_name: s.name, type: type(r), props: properties(r)}] AS asserted
