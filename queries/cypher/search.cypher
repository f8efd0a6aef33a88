// Actors, sources, events and claims whose name/text or an alias has $q at the start of a word
// (case-insensitive), and claims whose quoted evidence does (what a source was quoted saying:
// "zakharova" finds the claims her quotes name her in). The full-text indexes find the
// candidates: `sckg_text` nodes and `sckg_evidence` ASSERTS/DENIES edges with a word starting
// with each word of $q ($lucene, e.g. 'minsk* AND gro*', built by queries/search_twin.py); the
// regular expression $pattern then keeps those where $q itself starts a word.
// Score: 3 exact, 2 prefix, 1 at a word start, 0.75 in a quote only, 0.5 alias only.
// Params: $q (lower-cased), $lucene, $pattern, $labels (null: all), $skip, $limit.
// Twin: queries/search_twin.py
// $review_states: the review states of the account edges that count (graph/review.py).
CALL () {
  CALL db.index.fulltext.queryNodes('sckg_text', $lucene) YIELD node AS n
  WITH n, head([l IN labels(n) WHERE l IN ['Actor', 'Source', 'Event', 'Claim']]) AS label
  WHERE label IS NOT NULL AND ($labels IS NULL OR label IN $labels)
  WITH n, label, CASE label WHEN 'Claim' THEN n.text ELSE n.name END AS title
  WITH n, label, title, toLower(coalesce(title, '')) AS t
  RETURN n, label, title,
         CASE
           WHEN t = $q THEN 3.0
           WHEN t STARTS WITH $q THEN 2.0
           WHEN t =~ $pattern THEN 1.0
           WHEN any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) =~ $pattern) THEN 0.5
           ELSE 0.0
         END AS score
  UNION ALL
  CALL db.index.fulltext.queryRelationships('sckg_evidence', $lucene) YIELD relationship AS r
  WITH endNode(r) AS n, r
  WHERE n:Claim AND ($labels IS NULL OR 'Claim' IN $labels)
    AND toLower(coalesce(r.evidence, '')) =~ $pattern
    AND coalesce(r.review, 'unreviewed') IN $review_states
  RETURN n, 'Claim' AS label, n.text AS title, 0.75 AS score
}
WITH n, label, title, max(score) AS score
WHERE score > 0
RETURN n.id AS id, label, coalesce(title, '') AS title, score
ORDER BY score DESC, label, id
SKIP $skip LIMIT $limit
