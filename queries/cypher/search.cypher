// Actors, sources, events and claims whose name/text or an alias contains $q (lower-cased).
// Score: 3 exact, 2 prefix, 1 substring, 0.5 alias only. Params: $q, $labels (null: all), $skip, $limit.
// Twin: queries/search_twin.py
CALL () {
  MATCH (n:Actor) RETURN n, 'Actor' AS label, n.name AS title
  UNION ALL
  MATCH (n:Source) RETURN n, 'Source' AS label, n.name AS title
  UNION ALL
  MATCH (n:Event) RETURN n, 'Event' AS label, n.name AS title
  UNION ALL
  MATCH (n:Claim) RETURN n, 'Claim' AS label, n.text AS title
}
WITH n, label, title, toLower(coalesce(title, '')) AS t
WHERE $labels IS NULL OR label IN $labels
WITH n, label, title,
     CASE
       WHEN t = $q THEN 3.0
       WHEN t STARTS WITH $q THEN 2.0
       WHEN t CONTAINS $q THEN 1.0
       WHEN any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS $q) THEN 0.5
       ELSE 0.0
     END AS score
WHERE score > 0
RETURN n.id AS id, label, coalesce(title, '') AS title, score
ORDER BY score DESC, label, id
SKIP $skip LIMIT $limit
