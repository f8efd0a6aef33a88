// Merge Event nodes by id: known values overwrite, `participant_names` accumulates without duplicates,
// sorted, so the result does not depend on the order the accounts were written in.
// Rows: {id, props (without participant_names), participant_names}; ids are unique within one call.
UNWIND $rows AS row
MERGE (n:Event {id: row.id})
WITH n, row, coalesce(n.participant_names, []) + row.participant_names AS values
CALL {
    WITH values
    UNWIND values AS value
    WITH DISTINCT value
    ORDER BY value
    RETURN collect(value) AS merged
}
SET n += row.props,
    n.participant_names = merged
