// The nodes with the given ids, in id order, in the export shape.
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
RETURN DISTINCT n.id AS id, labels(n) AS labels, properties(n) AS properties
ORDER BY id
