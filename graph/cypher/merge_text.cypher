// Keep the texts of the articles a write brings (graph/model.py: KeptText), under the
// internal label SckgInternal (kind 'text'): beside the graph, not part of it (no query of the model reads
// it; a rebuild in publication order clears the graph and keeps these).
// Rows: {article_id, props}; the first text kept for an id stays (the id is its hash).
UNWIND $rows AS row
MERGE (t:SckgInternal {key: 'text:' + row.article_id})
  ON CREATE SET t += row.props, t.kind = 'text', t.article_id = row.article_id
