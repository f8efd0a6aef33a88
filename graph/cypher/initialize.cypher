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
// Bookkeeping, all under the one internal label SckgInternal (graph/neo4j_store.py): the
// write generation, the counts kept per write (graph/tallies.py), the kept article texts
// and the review log. Each node has a `kind` and a `key` unique across kinds.
CREATE CONSTRAINT sckg_internal_key IF NOT EXISTS FOR (n:SckgInternal) REQUIRE n.key IS UNIQUE;
CREATE INDEX sckg_internal_kind IF NOT EXISTS FOR (n:SckgInternal) ON (n.kind);
// Event tallies ranked and filtered by score and date (only event tallies have them).
CREATE INDEX sckg_internal_score IF NOT EXISTS FOR (n:SckgInternal) ON (n.score);
CREATE INDEX sckg_internal_date IF NOT EXISTS FOR (n:SckgInternal) ON (n.date);
// Source-pair tallies found by either source and ranked by total.
CREATE INDEX sckg_internal_pair_a IF NOT EXISTS FOR (n:SckgInternal) ON (n.a);
CREATE INDEX sckg_internal_pair_b IF NOT EXISTS FOR (n:SckgInternal) ON (n.b);
CREATE INDEX sckg_internal_total IF NOT EXISTS FOR (n:SckgInternal) ON (n.total);
// Reviews found by the edge they judge.
CREATE INDEX sckg_internal_edge IF NOT EXISTS FOR (n:SckgInternal) ON (n.edge_id);
