// Every account edge behind a claim with its article, quote, offsets and speaker.
// Params: $claim_id. No row: unknown claim.
// Twin: queries/claim_provenance_twin.py
// $review_states: the review states of the account edges that count (graph/review.py).
MATCH (c:Claim {id: $claim_id})
OPTIONAL MATCH (c)-[:ABOUT]->(e:Event)
WITH c, e ORDER BY e.id LIMIT 1
RETURN c.id AS claim_id, c.text AS claim_text,
       e.id AS event_id, e.name AS event_name, e.date AS event_date,
       COLLECT {
         MATCH (s:Source)-[r:ASSERTS|DENIES|OMITS]->(c)
         WHERE coalesce(r.review, 'unreviewed') IN $review_states
         OPTIONAL MATCH (a:Article {id: r.article_id})
         OPTIONAL MATCH (sp:Actor {id: r.speaker_id})
         RETURN {source_id: s.id, source_name: s.name, type: type(r), props: properties(r),
                 article: a {.title, .url, .outlet, .published}, speaker_name: sp.name}
       } AS items
