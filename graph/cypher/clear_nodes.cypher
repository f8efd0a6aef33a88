// Then every node, now without relationships, in batches. Auto-commit transaction.
// The state node stays: its generation goes on counting, so no cached answer outlives a clear.
MATCH (n)
WHERE NOT n:SckgState
CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS
