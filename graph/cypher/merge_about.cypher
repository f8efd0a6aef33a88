// Merge ABOUT edges (Claim -> Event) by id; an existing edge's properties are replaced.
// Endpoints were checked in the same transaction; `merged` lets the caller verify.
UNWIND $rows AS row
MATCH (a:Claim {id: row.start})
MATCH (b:Event {id: row.end})
MERGE (a)-[r:ABOUT {id: row.id}]->(b)
SET r = row.props
RETURN count(r) AS merged
