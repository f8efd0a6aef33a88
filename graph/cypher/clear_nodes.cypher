// Then every node, now without relationships, in batches. Auto-commit transaction.
MATCH (n)
CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS
