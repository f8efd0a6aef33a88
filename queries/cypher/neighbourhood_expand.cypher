// One breadth-first step: the ids of every node adjacent (either direction) to the given ones.
// Params: $ids. Each id is looked up per label so the id constraints' indexes are used.
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
MATCH (n)-[r]-(m)
WHERE NOT (type(r) IN ['ASSERTS', 'DENIES', 'OMITS']
           AND NOT coalesce(r.review, 'unreviewed') IN $review_states)
RETURN DISTINCT m.id AS id
