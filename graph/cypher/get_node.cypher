// One node by id, whatever its label (one index seek per label).
MATCH (n:Actor {id: $id}) RETURN labels(n) AS labels, properties(n) AS properties
UNION ALL
MATCH (n:Event {id: $id}) RETURN labels(n) AS labels, properties(n) AS properties
UNION ALL
MATCH (n:Source {id: $id}) RETURN labels(n) AS labels, properties(n) AS properties
UNION ALL
MATCH (n:Claim {id: $id}) RETURN labels(n) AS labels, properties(n) AS properties
UNION ALL
MATCH (n:Article {id: $id}) RETURN labels(n) AS labels, properties(n) AS properties
