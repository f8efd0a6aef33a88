// Merge Event nodes by id: known values overwrite, `participant_names` accumulates without duplicates.
// Rows: {id, props (without participant_names), participant_names}; ids are unique within one call.
UNWIND $rows AS row
MERGE (n:Event {id: row.id})
WITH n, row, coalesce(n.participant_names, []) AS known
SET n += row.props,
    n.participant_names = known + [value IN row.participant_names WHERE NOT value IN known]
