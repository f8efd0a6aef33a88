// The review queue: account edges no reviewer has judged, most consequential first: DENIES,
// then OMITS, then ASSERTS on claims a standing DENIES or OMITS edge points at; within each,
// newest event first (undated last), then claim id, then edge id.
// Params: $type (null: all three), $review_states (the states that stand), $skip, $limit.
// Twin: queries/review_queue_twin.py
CALL () {
  MATCH (s:Source)-[r:DENIES]->(c:Claim)
  WHERE r.review IS NULL AND ($type IS NULL OR $type = 'DENIES')
  RETURN s, r, c, 0 AS priority
  UNION ALL
  MATCH (s:Source)-[r:OMITS]->(c:Claim)
  WHERE r.review IS NULL AND ($type IS NULL OR $type = 'OMITS')
  RETURN s, r, c, 1 AS priority
  UNION ALL
  MATCH (:Source)-[x:DENIES|OMITS]->(c:Claim)
  WHERE ($type IS NULL OR $type = 'ASSERTS')
    AND coalesce(x.review, 'unreviewed') IN $review_states
  WITH DISTINCT c
  MATCH (s:Source)-[r:ASSERTS]->(c)
  WHERE r.review IS NULL
  RETURN s, r, c, 2 AS priority
}
CALL (c) {
  OPTIONAL MATCH (c)-[:ABOUT]->(e:Event)
  RETURN e ORDER BY e.id LIMIT 1
}
WITH r, c, e, priority
ORDER BY priority, e.date IS NULL, e.date DESC, c.id, r.id
// Only references are collected (a whole graph's evidence texts would not fit in one
// transaction's memory); the page alone is projected.
WITH collect([r, c, e, priority]) AS queue
RETURN size(queue) AS total,
       [x IN queue[$skip..$skip + $limit] |
         {priority: x[3], source_id: startNode(x[0]).id, source_name: startNode(x[0]).name,
          type: type(x[0]), props: properties(x[0]), claim_id: x[1].id, claim_text: x[1].text,
          event_id: x[2].id, event_name: x[2].name, event_date: x[2].date}] AS items
