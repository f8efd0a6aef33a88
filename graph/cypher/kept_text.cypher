// One kept article text (merge_text.cypher) by article id, if kept.
MATCH (t:SckgText {article_id: $article_id})
RETURN t {.*, ingested: EXISTS { MATCH (:Article {id: t.article_id}) }} AS kept
