// Omissions newest event first with no anchor: walks the Event.date index downwards and stops
// after $skip + $limit rows; undated events come last, read only when the dated run out.
// Params: $skip, $limit. Twin: queries/omissions_twin.py
// $review_states: the review states of the account edges that count (graph/review.py).
CALL () {
  MATCH (e:Event)
  WHERE e.date IS NOT NULL
  MATCH (o:Source)-[r:OMITS]->(c:Claim)-[:ABOUT]->(e)
  WHERE coalesce(r.review, 'unreviewed') IN $review_states
    AND EXISTS { MATCH (a:Source)-[x:ASSERTS]->(c) WHERE a <> o AND coalesce(x.review, 'unreviewed') IN $review_states }
  WITH DISTINCT o, c, e
  ORDER BY e.date DESC, c.id, o.id LIMIT $skip + $limit
  RETURN collect({o: o, c: c, e: e}) AS dated
}
CALL (dated) {
  // The guard is an UNWIND so the planner cannot move the label scan in front of it.
  UNWIND CASE WHEN size(dated) < $skip + $limit THEN [true] ELSE [] END AS needed
  MATCH (e:Event)
  WHERE e.date IS NULL
  MATCH (o:Source)-[r:OMITS]->(c:Claim)-[:ABOUT]->(e)
  WHERE coalesce(r.review, 'unreviewed') IN $review_states
    AND EXISTS { MATCH (a:Source)-[x:ASSERTS]->(c) WHERE a <> o AND coalesce(x.review, 'unreviewed') IN $review_states }
  WITH DISTINCT o, c, e
  ORDER BY c.id, o.id LIMIT $skip + $limit
  RETURN collect({o: o, c: c, e: e}) AS undated
}
UNWIND dated + undated AS found
WITH found.o AS o, found.c AS c, found.e AS e
SKIP $skip LIMIT $limit
RETURN c.id AS claim_id, c.text AS claim_text,
       e.id AS event_id, e.name AS event_name, e.date AS event_date,
       o.id AS source_id, o.name AS source_name,
       [(o)-[r:OMITS]->(c) WHERE coalesce(r.review, 'unreviewed') IN $review_states |
         {source_id: o.id, source_name: o.name, type: type(r), props: properties(r)}] AS omitted,
       [(s:Source)-[r:ASSERTS]->(c) WHERE s <> o AND coalesce(r.review, 'unreviewed') IN $review_states |
         {source_id: s.id, source_name: s.name, type: type(r), props: properties(r)}] AS asserted
