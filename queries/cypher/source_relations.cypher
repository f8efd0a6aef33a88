// For each ordered pair (a, b) where $source_id is a or b: distinct claims b asserts that a
// also asserts, denies or omits, from the kept pair counts (see source_relations_all.cypher).
// Params: $source_id, $skip, $limit. Twin: queries/source_relations_twin.py
CALL () {
  MATCH (t:SckgInternal {a: $source_id})
  RETURN t
  UNION
  MATCH (t:SckgInternal {b: $source_id})
  RETURN t
}
WITH t
WHERE t.total > 0
ORDER BY t.total DESC, t.a, t.b
SKIP $skip LIMIT $limit
MATCH (a:Source {id: t.a})
MATCH (b:Source {id: t.b})
RETURN a.id AS source_a, a.name AS source_a_name, b.id AS source_b, b.name AS source_b_name,
       t.corroborates AS corroborates, t.denies AS denies, t.omits AS omits
ORDER BY corroborates + denies + omits DESC, source_a, source_b
