// Then every node, now without relationships, in batches. Auto-commit transaction.
// The state node stays: its generation goes on counting, so no cached answer outlives a clear.
// With $keep_texts the kept article texts stay too (a rebuild in publication order), and
// with $keep_reviews the review log.
MATCH (n)
WHERE NOT (n:SckgInternal AND (n.kind = 'state' OR ($keep_texts AND n.kind = 'text')
                               OR ($keep_reviews AND n.kind = 'review')))
CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS
