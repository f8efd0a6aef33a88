// Which of the given ids exist under the expected label (one index seek each).
// Used to refuse edges to unknown nodes before anything is written.
UNWIND $actor AS id MATCH (n:Actor {id: id}) RETURN n.id AS id
UNION ALL
UNWIND $event AS id MATCH (n:Event {id: id}) RETURN n.id AS id
UNION ALL
UNWIND $source AS id MATCH (n:Source {id: id}) RETURN n.id AS id
UNION ALL
UNWIND $claim AS id MATCH (n:Claim {id: id}) RETURN n.id AS id
UNION ALL
UNWIND $article AS id MATCH (n:Article {id: id}) RETURN n.id AS id
