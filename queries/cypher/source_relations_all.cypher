// For each ordered pair (a, b): distinct claims b asserts that a also asserts, denies or omits.
// Every pair (source_relations.cypher answers for one source). Used by the analytics too.
// Reads the counts every sckg write keeps per pair (graph/tallies.py; SckgInternal nodes of kind 'pair_tally');
// graph/cypher/recount_source_pairs.cypher counts the same from the edges.
// Params: $skip, $limit. Twin: queries/source_relations_twin.py
MATCH (t:SckgInternal)
WHERE t.total > 0
WITH t
ORDER BY t.total DESC, t.a, t.b
SKIP $skip LIMIT $limit
MATCH (a:Source {id: t.a})
MATCH (b:Source {id: t.b})
RETURN a.id AS source_a, a.name AS source_a_name, b.id AS source_b, b.name AS source_b_name,
       t.corroborates AS corroborates, t.denies AS denies, t.omits AS omits
ORDER BY corroborates + denies + omits DESC, source_a, source_b
