// Merge Article nodes by id: known values overwrite, absent ones are left alone;
// `published` is stored as a Neo4j date.
// Rows: {id, props}; ids are unique within one call.
UNWIND $rows AS row
MERGE (n:Article {id: row.id})
SET n += row.props,
    n.published = CASE WHEN row.props.published IS NULL THEN n.published
                       ELSE date(row.props.published) END
