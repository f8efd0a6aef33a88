// Every event's tally counted from the edges (a full recount; see refresh_event_tallies).
MATCH (e:Event)
CALL (e) {
  OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
  RETURN count(c) AS claims,
         sum(CASE WHEN c IS NULL THEN 0 ELSE COUNT {
           (c)<-[r:DENIES]-(:Source) WHERE NOT coalesce(r.review, '') IN ['rejected', 'retargeted']
         } END) AS denials,
         sum(CASE WHEN c IS NULL THEN 0 ELSE COUNT {
           (c)<-[r:OMITS]-(:Source) WHERE NOT coalesce(r.review, '') IN ['rejected', 'retargeted']
         } END) AS omissions,
         sum(CASE WHEN c IS NULL THEN 0 ELSE COUNT {
           (c)<-[r:ASSERTS|DENIES|OMITS]-(:Source) WHERE r.review IS NOT NULL
         } END) AS reviewed
}
CREATE (:SckgInternal {kind: 'event_tally', key: 'event_tally:' + e.id, event_id: e.id, date: e.date, claims: claims, denials: denials,
                      omissions: omissions, reviewed: reviewed, score: 2 * denials + omissions})
