// For each ordered pair (a, b) where $source_id is a or b: distinct claims b asserts that a
// also asserts, denies or omits. Starts from the source, so it costs that source's edges only.
// Params: $source_id, $skip, $limit. Twin: queries/source_relations_twin.py
CALL () {
  MATCH (b:Source {id: $source_id})-[:ASSERTS]->(c:Claim)<-[r:ASSERTS|DENIES|OMITS]-(a:Source)
  WHERE a <> b
  RETURN a, b, type(r) AS kind, c
  UNION ALL
  MATCH (a:Source {id: $source_id})-[r:ASSERTS|DENIES|OMITS]->(c:Claim)<-[:ASSERTS]-(b:Source)
  WHERE a <> b
  RETURN a, b, type(r) AS kind, c
}
WITH a, b, kind, count(DISTINCT c) AS n
WITH a, b,
     sum(CASE kind WHEN 'ASSERTS' THEN n ELSE 0 END) AS corroborates,
     sum(CASE kind WHEN 'DENIES' THEN n ELSE 0 END) AS denies,
     sum(CASE kind WHEN 'OMITS' THEN n ELSE 0 END) AS omits
ORDER BY corroborates + denies + omits DESC, a.id, b.id
SKIP $skip LIMIT $limit
RETURN a.id AS source_a, a.name AS source_a_name, b.id AS source_b, b.name AS source_b_name,
       corroborates, denies, omits
