// Merge SPEAKS_FOR edges (Source -> Actor) by id; an existing edge's properties are replaced.
// Endpoints were checked in the same transaction; `merged` lets the caller verify.
UNWIND $rows AS row
MATCH (a:Source {id: row.start})
MATCH (b:Actor {id: row.end})
MERGE (a)-[r:SPEAKS_FOR {id: row.id}]->(b)
SET r = row.props
RETURN count(r) AS merged
