// Graphs written before dates were native: Event.date, Article.published and the event
// tallies' date held ISO strings. Turn each into a Neo4j date, in batches (auto-commit).
// Statements are separated by `;`; each is a no-op on a graph already migrated.
MATCH (n:Event) WHERE n.date IS :: STRING
CALL (n) { SET n.date = date(n.date) } IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Article) WHERE n.published IS :: STRING
CALL (n) { SET n.published = date(n.published) } IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:SckgInternal {kind: 'event_tally'}) WHERE n.date IS :: STRING
CALL (n) { SET n.date = date(n.date) } IN TRANSACTIONS OF 10000 ROWS;
MERGE (s:SckgInternal {key: 'state'})
  ON CREATE SET s.kind = 'state', s.epoch = randomUUID(), s.generation = 0
SET s.dates_version = 1, s.generation = s.generation + 1
