// Merge Event nodes by id: known values overwrite (`date` stored as a Neo4j date, so
// Cypher's date functions and Browser's time filters work); `participant_names` and `dates_given`
// accumulate without duplicates, sorted, so the result does not depend on the order the
// accounts were written in.
// Rows: {id, props (without the two lists), participant_names, dates_given}; ids are
// unique within one call.
UNWIND $rows AS row
MERGE (n:Event {id: row.id})
WITH n, row,
     coalesce(n.participant_names, []) + row.participant_names AS names,
     coalesce(n.dates_given, []) + row.dates_given AS dates
CALL {
    WITH names
    UNWIND names AS value
    WITH DISTINCT value
    ORDER BY value
    RETURN collect(value) AS merged_names
}
CALL {
    WITH dates
    UNWIND dates AS value
    WITH DISTINCT value
    ORDER BY value
    RETURN collect(value) AS merged_dates
}
SET n += row.props,
    n.date = CASE WHEN row.props.date IS NULL THEN n.date ELSE date(row.props.date) END,
    n.participant_names = merged_names,
    n.dates_given = merged_dates
