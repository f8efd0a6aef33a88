// Claims one source asserts and another denies, newest event first, with no anchor (only
// dates): walks the Event.date index downwards and stops after $skip + $limit claims; undated
// events (last in this order) are read only when the dated ones run out and no date bound is
// set. Params: $date_lo, $date_hi (ISO strings, always set), $with_undated, $skip, $limit.
// Twin: queries/denied_claims_twin.py
// $review_states: the review states of the account edges that count (graph/review.py).
CALL () {
  MATCH (e:Event)
  WHERE e.date >= date($date_lo) AND e.date <= date($date_hi)
  MATCH (c:Claim)-[:ABOUT]->(e)
  WHERE EXISTS { MATCH (a:Source)-[x:ASSERTS]->(c)<-[y:DENIES]-(d:Source)
                 WHERE a <> d AND coalesce(x.review, 'unreviewed') IN $review_states
                   AND coalesce(y.review, 'unreviewed') IN $review_states }
  WITH c, e ORDER BY e.date DESC, c.id LIMIT $skip + $limit
  RETURN collect({c: c, e: e}) AS dated
}
CALL (dated) {
  // The guard is an UNWIND so the planner cannot move the label scan in front of it.
  UNWIND CASE WHEN $with_undated AND size(dated) < $skip + $limit THEN [true] ELSE [] END AS needed
  MATCH (e:Event)
  WHERE e.date IS NULL
  MATCH (c:Claim)-[:ABOUT]->(e)
  WHERE EXISTS { MATCH (a:Source)-[x:ASSERTS]->(c)<-[y:DENIES]-(d:Source)
                 WHERE a <> d AND coalesce(x.review, 'unreviewed') IN $review_states
                   AND coalesce(y.review, 'unreviewed') IN $review_states }
  WITH c, e ORDER BY c.id LIMIT $skip + $limit
  RETURN collect({c: c, e: e}) AS undated
}
UNWIND dated + undated AS found
WITH found.c AS c, found.e AS e
SKIP $skip LIMIT $limit
RETURN c.id AS claim_id, c.text AS claim_text,
       e.id AS event_id, e.name AS event_name, e.date AS event_date,
       [(s:Source)-[r:ASSERTS]->(c) WHERE coalesce(r.review, 'unreviewed') IN $review_states |
         {source_id: s.id, source_name: s.name, type: type(r), props: properties(r)}] AS asserted,
       [(s:Source)-[r:DENIES]->(c) WHERE coalesce(r.review, 'unreviewed') IN $review_states |
         {source_id: s.id, source_name: s.name, type: type(r), props: properties(r)}] AS denied
