// Merge Source nodes by id: known values overwrite, `aliases` accumulates without duplicates,
// sorted, so the result does not depend on the order the accounts were written in.
// Rows: {id, props (without aliases), aliases}; ids are unique within one call.
UNWIND $rows AS row
MERGE (n:Source {id: row.id})
WITH n, row, coalesce(n.aliases, []) + row.aliases AS values
CALL {
    WITH values
    UNWIND values AS value
    WITH DISTINCT value
    ORDER BY value
    RETURN collect(value) AS merged
}
SET n += row.props,
    n.aliases = merged
