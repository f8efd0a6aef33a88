// Move the nodes of one legacy bookkeeping label under SckgInternal with their kind and
// key (graph/neo4j_store.py INTERNAL_LABEL); in batches, so auto-commit (session.run).
// Params: $label (the legacy label), $kind (what it becomes).
MATCH (n:$($label))
CALL (n) {
  SET n:SckgInternal, n.kind = $kind,
      n.key = CASE $kind
                WHEN 'state' THEN 'state'
                WHEN 'event_tally' THEN 'event_tally:' + n.event_id
                WHEN 'text' THEN 'text:' + n.article_id
                ELSE $kind + ':' + n.id
              END
  REMOVE n:$($label)
} IN TRANSACTIONS OF 10000 ROWS
