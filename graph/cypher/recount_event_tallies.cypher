// Every event's tally counted from the edges (a full recount; see refresh_event_tallies).
MATCH (e:Event)
CALL (e) {
  OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
  RETURN count(c) AS claims,
         sum(CASE WHEN c IS NULL THEN 0 ELSE COUNT { (c)<-[:DENIES]-(:Source) } END) AS denials,
         sum(CASE WHEN c IS NULL THEN 0 ELSE COUNT { (c)<-[:OMITS]-(:Source) } END) AS omissions
}
CREATE (:EventTally {event_id: e.id, date: e.date, claims: claims, denials: denials,
                     omissions: omissions, score: 2 * denials + omissions})
