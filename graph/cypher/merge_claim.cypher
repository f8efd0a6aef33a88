// Merge Claim nodes by id: known values overwrite, absent ones are left alone.
// Rows: {id, props}; ids are unique within one call.
UNWIND $rows AS row
MERGE (n:Claim {id: row.id})
SET n += row.props
