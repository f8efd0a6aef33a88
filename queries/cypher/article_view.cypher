// An article with the ASSERTS and DENIES edges whose evidence it holds: what an analyst
// needs to read each quote in place (the text itself is kept beside the graph). The
// edges are found by their article_id (relationship indexes asserts_article and
// denies_article), not through the events the article reports: a quote may be filed
// under an event another article reports.
// Params: $article_id. No row: unknown article.
// Twin: queries/article_view_twin.py
// $review_states: the review states of the account edges that count (graph/review.py).
MATCH (a:Article {id: $article_id})
RETURN a.id AS article_id, properties(a) AS article,
       COLLECT {
         MATCH (s:Source)-[r:ASSERTS]->(c:Claim)
         WHERE r.article_id = $article_id AND coalesce(r.review, 'unreviewed') IN $review_states
         RETURN {source_id: s.id, source_name: s.name, type: type(r),
                 claim_id: c.id, claim_text: c.text, props: properties(r)} AS item
         UNION
         MATCH (s:Source)-[r:DENIES]->(c:Claim)
         WHERE r.article_id = $article_id AND coalesce(r.review, 'unreviewed') IN $review_states
         RETURN {source_id: s.id, source_name: s.name, type: type(r),
                 claim_id: c.id, claim_text: c.text, props: properties(r)} AS item
       } AS items
