// Claims x sources of one event: every account edge of a page of its claims, and its sources.
// Params: $event_id, $skip, $limit. No row when the event does not exist.
// Twin: queries/readout_comparison_twin.py
// $review_states: the review states of the account edges that count (graph/review.py).
MATCH (e:Event {id: $event_id})
CALL (e) {
  MATCH (c:Claim)-[:ABOUT]->(e)
  RETURN count(c) AS total
}
CALL (e) {
  OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
  WITH c ORDER BY c.id SKIP $skip LIMIT $limit
  RETURN collect(c {.id, .text, accounts: [(s:Source)-[r:ASSERTS|DENIES|OMITS]->(c) WHERE coalesce(r.review, 'unreviewed') IN $review_states |
           {source_id: s.id, source_name: s.name, type: type(r), props: properties(r)}]}) AS claims
}
RETURN e {.id, .name, .kind, .date, dates_given: coalesce(e.dates_given, [])} AS event, total, claims,
       COLLECT {
         MATCH (e)<-[:ABOUT]-(:Claim)<-[r:ASSERTS|DENIES|OMITS]-(s:Source)
         WHERE coalesce(r.review, 'unreviewed') IN $review_states
         RETURN DISTINCT s {.id, .name}
       } AS account_sources,
       COLLECT {
         MATCH (e)<-[:REPORTS]-(:Article)-[:PUBLISHED_BY]->(s:Source)
         RETURN DISTINCT s {.id, .name}
       } AS article_sources
