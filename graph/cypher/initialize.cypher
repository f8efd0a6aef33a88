// The schema, idempotent: run on every connect. Statements are separated by `;`.
// Unique ids make MERGE an index seek and forbid duplicates under concurrency.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
// Date-range reads (events_between) seek instead of scanning every event.
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
// Account edges are looked up by id from the API and the evaluation.
CREATE INDEX asserts_id IF NOT EXISTS FOR ()-[r:ASSERTS]-() ON (r.id);
CREATE INDEX denies_id IF NOT EXISTS FOR ()-[r:DENIES]-() ON (r.id);
CREATE INDEX omits_id IF NOT EXISTS FOR ()-[r:OMITS]-() ON (r.id);
// An article's quotes are found by the article they came from (the article view).
CREATE INDEX asserts_article IF NOT EXISTS FOR ()-[r:ASSERTS]-() ON (r.article_id);
CREATE INDEX denies_article IF NOT EXISTS FOR ()-[r:DENIES]-() ON (r.article_id);
// Free-text search over names, spellings and claim texts.
CREATE FULLTEXT INDEX sckg_text IF NOT EXISTS
FOR (n:Actor|Source|Event|Claim) ON EACH [n.name, n.aliases, n.text];
// Free-text search over what sources were quoted saying (claims found by their evidence).
CREATE FULLTEXT INDEX sckg_evidence IF NOT EXISTS
FOR ()-[r:ASSERTS|DENIES]-() ON EACH [r.evidence];
// Bookkeeping (graph/tallies.py): the write generation, and derived counts kept per write.
CREATE CONSTRAINT sckg_state_key IF NOT EXISTS FOR (n:SckgState) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT event_tally_event IF NOT EXISTS FOR (n:EventTally) REQUIRE n.event_id IS UNIQUE;
CREATE INDEX event_tally_score IF NOT EXISTS FOR (n:EventTally) ON (n.score);
CREATE INDEX event_tally_date IF NOT EXISTS FOR (n:EventTally) ON (n.date);
CREATE CONSTRAINT source_pair_tally_id IF NOT EXISTS FOR (n:SourcePairTally) REQUIRE n.id IS UNIQUE;
CREATE INDEX source_pair_tally_a IF NOT EXISTS FOR (n:SourcePairTally) ON (n.a);
CREATE INDEX source_pair_tally_b IF NOT EXISTS FOR (n:SourcePairTally) ON (n.b);
CREATE INDEX source_pair_tally_total IF NOT EXISTS FOR (n:SourcePairTally) ON (n.total);
// Kept article texts (merge_text.cypher): one per article id.
CREATE CONSTRAINT sckg_text_article IF NOT EXISTS FOR (n:SckgText) REQUIRE n.article_id IS UNIQUE;
// The review log (merge_review.cypher): one node per review, found by the edge it judges.
CREATE CONSTRAINT sckg_review_id IF NOT EXISTS FOR (n:SckgReview) REQUIRE n.id IS UNIQUE;
CREATE INDEX sckg_review_edge IF NOT EXISTS FOR (n:SckgReview) ON (n.edge_id);
