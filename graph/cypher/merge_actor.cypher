// Merge Actor nodes by id: known values overwrite, `aliases` accumulates without duplicates.
// Rows: {id, props (without aliases), aliases}; ids are unique within one call.
UNWIND $rows AS row
MERGE (n:Actor {id: row.id})
WITH n, row, coalesce(n.aliases, []) AS known
SET n += row.props,
    n.aliases = known + [value IN row.aliases WHERE NOT value IN known]
