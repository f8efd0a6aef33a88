// Delete every relationship, in batches so a large graph does not exhaust the heap
// (a DETACH DELETE of a source with 100k edges would hold them all at once).
// Needs an auto-commit transaction (session.run), not a managed one.
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
