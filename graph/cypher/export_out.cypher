// The outgoing relationships of a few nodes, found by element id (a direct seek whatever
// their label): the streamed export reads nodes with few relationships this way, a
// handful of nodes per read (see export_out_of_one.cypher for a node with many).
UNWIND $elements AS element
MATCH (n)-[r]->(m)
WHERE elementId(n) = element
RETURN n.id AS start, r.id AS id, type(r) AS type, m.id AS end, properties(r) AS properties
