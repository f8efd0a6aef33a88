// Delete everything, in batches so a large graph does not exhaust the heap.
// Needs an auto-commit transaction (session.run), not a managed one.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
