// One page of the streamed export (GraphStore.export_stream): up to $size Event nodes after
// id $after, in id order (a seek on the id constraint's index, so every page costs its
// size), with their properties, or ($relationships) their element ids and out-degrees
// for reading their relationships (export_out.cypher, export_out_of_one.cypher).
MATCH (n:Event)
WHERE n.id > $after
WITH n
ORDER BY n.id
LIMIT $size
RETURN n.id AS id,
       CASE WHEN $relationships THEN null ELSE properties(n) END AS properties,
       CASE WHEN $relationships THEN elementId(n) END AS element,
       CASE WHEN $relationships THEN COUNT { (n)-->() } ELSE 0 END AS degree
