// Claims asserted by two different sources that speak for two different actors, when an
// event, actor or source anchors the search (else corroborated_claims_recent.cypher).
// Params: $event_id, $actor_id, $source_id, $date_from, $date_to (may be null; one anchor is
// set), $skip, $limit. Twin: queries/corroborated_claims_twin.py
// $review_states: the review states of the account edges that count (graph/review.py).
CALL () {
  MATCH (c:Claim)-[:ABOUT]->(:Event {id: $event_id}) RETURN c
  UNION
  MATCH (c:Claim)<-[x:ASSERTS]-(:Source)-[:SPEAKS_FOR]->(:Actor {id: $actor_id})
  WHERE coalesce(x.review, 'unreviewed') IN $review_states RETURN c
  UNION
  MATCH (c:Claim)<-[x:ASSERTS]-(:Source {id: $source_id}) WHERE coalesce(x.review, 'unreviewed') IN $review_states RETURN c
}
MATCH (c)-[:ABOUT]->(e:Event)
WHERE ($event_id IS NULL OR e.id = $event_id)
  AND ($date_from IS NULL OR e.date >= date($date_from))
  AND ($date_to IS NULL OR e.date <= date($date_to))
  AND ($source_id IS NULL OR EXISTS { (c)<-[x:ASSERTS]-(:Source {id: $source_id}) WHERE coalesce(x.review, 'unreviewed') IN $review_states })
WITH c, e, COLLECT {
  MATCH (c)<-[x:ASSERTS]-(s:Source)-[:SPEAKS_FOR]->(a:Actor) WHERE coalesce(x.review, 'unreviewed') IN $review_states
  RETURN DISTINCT [s.id, a.id]
} AS pairs
WHERE any(x IN pairs WHERE any(y IN pairs WHERE x[0] <> y[0] AND x[1] <> y[1]))
  AND ($actor_id IS NULL OR any(x IN pairs WHERE x[1] = $actor_id))
WITH c, e
ORDER BY e.date IS NULL, e.date DESC, c.id
SKIP $skip LIMIT $limit
RETURN c.id AS claim_id, c.text AS claim_text,
       e.id AS event_id, e.name AS event_name, e.date AS event_date,
       [(c)<-[x:ASSERTS]-(:Source)-[:SPEAKS_FOR]->(a:Actor) WHERE coalesce(x.review, 'unreviewed') IN $review_states | a {.id, .name}] AS actors,
       [(s:Source)-[r:ASSERTS]->(c) WHERE coalesce(r.review, 'unreviewed') IN $review_states |
         {source_id: s.id, source_name: s.name, type: type(r), props: properties(r)}] AS asserted
