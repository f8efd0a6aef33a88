// Merge DENIES edges (Source -> Claim) by id; an existing edge's properties are replaced.
// Endpoints were checked in the same transaction; `merged` lets the caller verify.
UNWIND $rows AS row
MATCH (a:Source {id: row.start})
MATCH (b:Claim {id: row.end})
MERGE (a)-[r:DENIES {id: row.id}]->(b)
SET r = row.props
RETURN count(r) AS merged
