// One kept article text (merge_text.cypher) by article id, if kept.
MATCH (t:SckgInternal {key: 'text:' + $article_id})
RETURN t {.*, ingested: EXISTS { MATCH (:Article {id: t.article_id}) }} AS kept
