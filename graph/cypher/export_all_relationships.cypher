// Every relationship, in id order, in the export shape.
MATCH (s)-[r]->(e)
RETURN r.id AS id, type(r) AS type, s.id AS start, e.id AS end, properties(r) AS properties
ORDER BY id
