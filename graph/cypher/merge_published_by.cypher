// Merge PUBLISHED_BY edges (Article -> Source) by id; an existing edge's properties are replaced.
// Endpoints were checked in the same transaction; `merged` lets the caller verify.
UNWIND $rows AS row
MATCH (a:Article {id: row.start})
MATCH (b:Source {id: row.end})
MERGE (a)-[r:PUBLISHED_BY {id: row.id}]->(b)
SET r = row.props
RETURN count(r) AS merged
