// Merge PARTICIPANT edges (Event -> Actor) by id; an existing edge's properties are replaced.
// Endpoints were checked in the same transaction; `merged` lets the caller verify.
UNWIND $rows AS row
MATCH (a:Event {id: row.start})
MATCH (b:Actor {id: row.end})
MERGE (a)-[r:PARTICIPANT {id: row.id}]->(b)
SET r = row.props
RETURN count(r) AS merged
