// Append reviews to the log, under the internal label SckgInternal (kind 'review'; beside
// the graph, like the kept texts: a rebuild clears the graph and keeps these). A review is never changed.
// Rows: {id, edge_id, at, verdict, reviewer, record}.
UNWIND $rows AS row
MERGE (r:SckgInternal {key: 'review:' + row.id})
  ON CREATE SET r.kind = 'review', r.id = row.id, r.edge_id = row.edge_id, r.at = row.at, r.verdict = row.verdict,
                r.reviewer = row.reviewer, r.record = row.record
