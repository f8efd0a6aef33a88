// The kept article texts (merge_text.cypher), each with whether the graph holds its
// article; $with_text false leaves the texts out for a cheap look at what is kept.
MATCH (t:SckgInternal {kind: 'text'})
RETURN t {.*, text: CASE WHEN $with_text THEN t.text ELSE '' END,
          ingested: EXISTS { MATCH (:Article {id: t.article_id}) }} AS kept
ORDER BY t.article_id
