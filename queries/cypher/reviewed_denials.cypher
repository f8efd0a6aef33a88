// Denials a reviewer accepted, each with its claim, event, article and the standing
// assertions of the claim it denies: what the ClaimReview export is made of
// (queries/claim_review.py). Newest event first (undated last), then claim id, edge id.
// Params: $skip, $limit. Twin: queries/reviewed_denials_twin.py
MATCH (s:Source)-[r:DENIES]->(c:Claim)
WHERE r.review = 'accepted'
CALL (c) {
  OPTIONAL MATCH (c)-[:ABOUT]->(e:Event)
  RETURN e ORDER BY e.id LIMIT 1
}
WITH s, r, c, e
ORDER BY e.date IS NULL, e.date DESC, c.id, r.id
SKIP $skip LIMIT $limit
OPTIONAL MATCH (a:Article {id: r.article_id})
RETURN s {.id, .name, .kind} AS source, properties(r) AS props, c {.id, .text} AS claim,
       e {.id, .name, .date} AS event, a {.id, .title, .url, .outlet, .published} AS article,
       COLLECT {
         MATCH (b:Source)-[x:ASSERTS]->(c)
         WHERE NOT coalesce(x.review, '') IN ['rejected', 'retargeted']
         OPTIONAL MATCH (xa:Article {id: x.article_id})
         RETURN {source: b {.id, .name, .kind}, article: xa {.id, .title, .url, .outlet, .published}}
       } AS asserted
