// Relationships between the given nodes (the induced subgraph), in id order.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Actor {id: id}) RETURN n
  UNION ALL
  MATCH (n:Event {id: id}) RETURN n
  UNION ALL
  MATCH (n:Source {id: id}) RETURN n
  UNION ALL
  MATCH (n:Claim {id: id}) RETURN n
  UNION ALL
  MATCH (n:Article {id: id}) RETURN n
}
MATCH (n)-[r]->(e)
WHERE e.id IN $ids
RETURN DISTINCT r.id AS id, type(r) AS type, n.id AS start, e.id AS end,
       properties(r) AS properties
ORDER BY id
