// Points a source's account left out that another source asserted, when an event or a source
// anchors the search (else omissions_recent.cypher). One row per (claim, omitting source).
// Params: $event_id, $source_id (may be null; one is set), $skip, $limit.
// Twin: queries/omissions_twin.py
// $review_states: the review states of the account edges that count (graph/review.py).
CALL () {
  MATCH (o:Source)-[r:OMITS]->(c:Claim)-[:ABOUT]->(:Event {id: $event_id})
  WHERE coalesce(r.review, 'unreviewed') IN $review_states RETURN o, c
  UNION
  MATCH (o:Source {id: $source_id})-[r:OMITS]->(c:Claim) WHERE coalesce(r.review, 'unreviewed') IN $review_states RETURN o, c
}
WITH o, c
WHERE ($source_id IS NULL OR o.id = $source_id)
  AND EXISTS { MATCH (a:Source)-[x:ASSERTS]->(c) WHERE a <> o AND coalesce(x.review, 'unreviewed') IN $review_states }
MATCH (c)-[:ABOUT]->(e:Event)
WHERE $event_id IS NULL OR e.id = $event_id
WITH o, c, e
ORDER BY e.date IS NULL, e.date DESC, c.id, o.id
SKIP $skip LIMIT $limit
RETURN c.id AS claim_id, c.text AS claim_text,
       e.id AS event_id, e.name AS event_name, e.date AS event_date,
       o.id AS source_id, o.name AS source_name,
       [(o)-[r:OMITS]->(c) WHERE coalesce(r.review, 'unreviewed') IN $review_states |
         {source_id: o.id, source_name: o.name, type: type(r), props: properties(r)}] AS omitted,
       [(s:Source)-[r:ASSERTS]->(c) WHERE s <> o AND coalesce(r.review, 'unreviewed') IN $review_states |
         {source_id: s.id, source_name: s.name, type: type(r), props: properties(r)}] AS asserted
