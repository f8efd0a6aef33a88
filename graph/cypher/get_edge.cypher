// One account edge by id (one relationship-index seek per type), with its ends.
MATCH (s)-[r:ASSERTS {id: $id}]->(c) RETURN type(r) AS type, s.id AS start, c.id AS end, properties(r) AS props
UNION ALL
MATCH (s)-[r:DENIES {id: $id}]->(c) RETURN type(r) AS type, s.id AS start, c.id AS end, properties(r) AS props
UNION ALL
MATCH (s)-[r:OMITS {id: $id}]->(c) RETURN type(r) AS type, s.id AS start, c.id AS end, properties(r) AS props
