// One page of the outgoing relationships of one node with many (a source asserting tens of
// thousands of claims): up to $size after relationship id $after, in id order.
MATCH (n)-[r]->(m)
WHERE elementId(n) = $element AND r.id > $after
RETURN n.id AS start, r.id AS id, type(r) AS type, m.id AS end, properties(r) AS properties
ORDER BY r.id
LIMIT $size
