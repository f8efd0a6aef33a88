// The given nodes with their properties and the relationships among them.
// Params: $ids. No row for an id that does not exist.
// Twin: queries/neighbourhood_twin.py
// $review_states: the review states of the account edges that count (graph/review.py).
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Actor {id: id}) RETURN n
  UNION MATCH (n:Event {id: id}) RETURN n
  UNION MATCH (n:Source {id: id}) RETURN n
  UNION MATCH (n:Claim {id: id}) RETURN n
  UNION MATCH (n:Article {id: id}) RETURN n
}
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties,
       [(n)-[r]->(m) WHERE m.id IN $ids
         AND NOT (type(r) IN ['ASSERTS', 'DENIES', 'OMITS']
                  AND NOT coalesce(r.review, 'unreviewed') IN $review_states) |
         {id: r.id, type: type(r), start: n.id, end: m.id, properties: properties(r)}] AS out
