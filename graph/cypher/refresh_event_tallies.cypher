// Recount the tallies of the given events and of the events the given claims are about:
// claims, DENIES and OMITS edges from sources on those claims, score = 2 * denials + omissions.
CALL () {
  UNWIND $event_ids AS id
  MATCH (e:Event {id: id})
  RETURN e
  UNION
  UNWIND $claim_ids AS id
  MATCH (:Claim {id: id})-[:ABOUT]->(e:Event)
  RETURN e
}
CALL (e) {
  OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
  RETURN count(c) AS claims,
         sum(CASE WHEN c IS NULL THEN 0 ELSE COUNT { (c)<-[:DENIES]-(:Source) } END) AS denials,
         sum(CASE WHEN c IS NULL THEN 0 ELSE COUNT { (c)<-[:OMITS]-(:Source) } END) AS omissions
}
MERGE (t:EventTally {event_id: e.id})
SET t.date = e.date, t.claims = claims, t.denials = denials, t.omissions = omissions,
    t.score = 2 * denials + omissions
