// Append reviews to the log, under the internal label SckgReview (beside the graph, like
// SckgText: a rebuild clears the graph and keeps these). A review is never changed.
// Rows: {id, edge_id, at, verdict, reviewer, record}.
UNWIND $rows AS row
MERGE (r:SckgReview {id: row.id})
  ON CREATE SET r.edge_id = row.edge_id, r.at = row.at, r.verdict = row.verdict,
                r.reviewer = row.reviewer, r.record = row.record
