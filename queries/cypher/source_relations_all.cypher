// For each ordered pair (a, b): distinct claims b asserts that a also asserts, denies or omits.
// Every pair (source_relations.cypher answers for one source). Used by the analytics too.
// Params: $skip, $limit.
// Twin: queries/source_relations_twin.py
MATCH (b:Source)-[:ASSERTS]->(c:Claim)<-[r:ASSERTS|DENIES|OMITS]-(a:Source)
WHERE a <> b
WITH a, b, type(r) AS kind, count(DISTINCT c) AS n
WITH a, b,
     sum(CASE kind WHEN 'ASSERTS' THEN n ELSE 0 END) AS corroborates,
     sum(CASE kind WHEN 'DENIES' THEN n ELSE 0 END) AS denies,
     sum(CASE kind WHEN 'OMITS' THEN n ELSE 0 END) AS omits
ORDER BY corroborates + denies + omits DESC, a.id, b.id
SKIP $skip LIMIT $limit
RETURN a.id AS source_a, a.name AS source_a_name, b.id AS source_b, b.name AS source_b_name,
       corroborates, denies, omits
