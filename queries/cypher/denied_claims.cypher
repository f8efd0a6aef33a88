// Claims one source asserts and another denies, when an event, actor or source anchors the
// search (else denied_claims_recent.cypher): candidates come from the anchors, then every
// filter applies. Params: $event_id, $actor_id, $source_id, $date_from, $date_to (may be
// null; one anchor is set), $skip, $limit. Twin: queries/denied_claims_twin.py
// $review_states: the review states of the account edges that count (graph/review.py).
CALL () {
  MATCH (c:Claim)-[:ABOUT]->(:Event {id: $event_id}) RETURN c
  UNION
  MATCH (c:Claim)-[:ABOUT]->(:Event)-[:PARTICIPANT]->(:Actor {id: $actor_id}) RETURN c
  UNION
  MATCH (c:Claim)-[:MENTIONS]->(:Actor {id: $actor_id}) RETURN c
  UNION
  MATCH (:Source {id: $source_id})-[r:ASSERTS|DENIES]->(c:Claim)
  WHERE coalesce(r.review, 'unreviewed') IN $review_states RETURN c
}
MATCH (c)-[:ABOUT]->(e:Event)
WHERE EXISTS { MATCH (a:Source)-[x:ASSERTS]->(c)<-[y:DENIES]-(d:Source)
                 WHERE a <> d AND coalesce(x.review, 'unreviewed') IN $review_states
                   AND coalesce(y.review, 'unreviewed') IN $review_states }
  AND ($event_id IS NULL OR e.id = $event_id)
  AND ($date_from IS NULL OR e.date >= date($date_from))
  AND ($date_to IS NULL OR e.date <= date($date_to))
  AND ($source_id IS NULL OR EXISTS { (c)<-[r:ASSERTS|DENIES]-(:Source {id: $source_id})
                                       WHERE coalesce(r.review, 'unreviewed') IN $review_states })
  AND ($actor_id IS NULL
       OR EXISTS { (c)-[:MENTIONS]->(:Actor {id: $actor_id}) }
       OR EXISTS { (e)-[:PARTICIPANT]->(:Actor {id: $actor_id}) })
WITH c, e
ORDER BY e.date IS NULL, e.date DESC, c.id
SKIP $skip LIMIT $limit
RETURN c.id AS claim_id, c.text AS claim_text,
       e.id AS event_id, e.name AS event_name, e.date AS event_date,
       [(s:Source)-[r:ASSERTS]->(c) WHERE coalesce(r.review, 'unreviewed') IN $review_states |
         {source_id: s.id, source_name: s.name, type: type(r), props: properties(r)}] AS asserted,
       [(s:Source)-[r:DENIES]->(c) WHERE coalesce(r.review, 'unreviewed') IN $review_states |
         {source_id: s.id, source_name: s.name, type: type(r), props: properties(r)}] AS denied
