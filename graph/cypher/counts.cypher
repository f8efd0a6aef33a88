// Nodes per label and relationships per type, from the count store (constant time).
// One row of COUNT subqueries: the planner reads each from the count store, which it does
// not do for the same counts joined with UNION (that scans every relationship).
RETURN COUNT { (:Actor) } AS Actor,
       COUNT { (:Event) } AS Event,
       COUNT { (:Source) } AS Source,
       COUNT { (:Claim) } AS Claim,
       COUNT { (:Article) } AS Article,
       COUNT { ()-[:ASSERTS]->() } AS ASSERTS,
       COUNT { ()-[:DENIES]->() } AS DENIES,
       COUNT { ()-[:OMITS]->() } AS OMITS,
       COUNT { ()-[:ABOUT]->() } AS ABOUT,
       COUNT { ()-[:PARTICIPANT]->() } AS PARTICIPANT,
       COUNT { ()-[:MENTIONS]->() } AS MENTIONS,
       COUNT { ()-[:SPEAKS_FOR]->() } AS SPEAKS_FOR,
       COUNT { ()-[:PUBLISHED_BY]->() } AS PUBLISHED_BY,
       COUNT { ()-[:REPORTS]->() } AS REPORTS
