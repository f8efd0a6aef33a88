// Corroborated claims newest event first with no anchor (only dates): walks the Event.date
// index downwards and stops after $skip + $limit claims; undated events come last, read only
// when the dated run out and no date bound is set.
// Params: $date_lo, $date_hi (always set), $with_undated, $skip, $limit.
// Twin: queries/corroborated_claims_twin.py
// $review_states: the review states of the account edges that count (graph/review.py).
CALL () {
  MATCH (e:Event)
  WHERE e.date >= date($date_lo) AND e.date <= date($date_hi)
  MATCH (c:Claim)-[:ABOUT]->(e)
  WITH c, e, COLLECT {
    MATCH (c)<-[x:ASSERTS]-(s:Source)-[:SPEAKS_FOR]->(a:Actor) WHERE coalesce(x.review, 'unreviewed') IN $review_states
  RETURN DISTINCT [s.id, a.id]
  } AS pairs
  WHERE any(x IN pairs WHERE any(y IN pairs WHERE x[0] <> y[0] AND x[1] <> y[1]))
  WITH c, e ORDER BY e.date DESC, c.id LIMIT $skip + $limit
  RETURN collect({c: c, e: e}) AS dated
}
CALL (dated) {
  // The guard is an UNWIND so the planner cannot move the label scan in front of it.
  UNWIND CASE WHEN $with_undated AND size(dated) < $skip + $limit THEN [true] ELSE [] END AS needed
  MATCH (e:Event)
  WHERE e.date IS NULL
  MATCH (c:Claim)-[:ABOUT]->(e)
  WITH c, e, COLLECT {
    MATCH (c)<-[x:ASSERTS]-(s:Source)-[:SPEAKS_FOR]->(a:Actor) WHERE coalesce(x.review, 'unreviewed') IN $review_states
  RETURN DISTINCT [s.id, a.id]
  } AS pairs
  WHERE any(x IN pairs WHERE any(y IN pairs WHERE x[0] <> y[0] AND x[1] <> y[1]))
  WITH c, e ORDER BY c.id LIMIT $skip + $limit
  RETURN collect({c: c, e: e}) AS undated
}
UNWIND dated + undated AS found
WITH found.c AS c, found.e AS e
SKIP $skip LIMIT $limit
RETURN c.id AS claim_id, c.text AS claim_text,
       e.id AS event_id, e.name AS event_name, e.date AS event_date,
       [(c)<-[x:ASSERTS]-(:Source)-[:SPEAKS_FOR]->(a:Actor) WHERE coalesce(x.review, 'unreviewed') IN $review_states | a {.id, .name}] AS actors,
       [(s:Source)-[r:ASSERTS]->(c) WHERE coalesce(r.review, 'unreviewed') IN $review_states |
         {source_id: s.id, source_name: s.name, type: type(r), props: properties(r)}] AS asserted
