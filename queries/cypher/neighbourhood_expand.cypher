// One breadth-first step: the ids of every node adjacent (either direction) to the given ones.
// Params: $ids. Each id is looked up per label so the id constraints' indexes are used.
// Twin: queries/neighbourhood_twin.py
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Actor {id: id}) RETURN n
  UNION MATCH (n:Event {id: id}) RETURN n
  UNION MATCH (n:Source {id: id}) RETURN n
  UNION MATCH (n:Claim {id: id}) RETURN n
  UNION MATCH (n:Article {id: id}) RETURN n
}
MATCH (n)--(m)
RETURN DISTINCT m.id AS id
