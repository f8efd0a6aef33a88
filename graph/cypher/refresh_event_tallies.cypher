// Recount the tallies of the given events and of the events the given claims are about:
// claims, DENIES and OMITS edges from sources on those claims (those a reviewer did not
// reject or re-target), score = 2 * denials + omissions.
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
MERGE (t:SckgInternal {key: 'event_tally:' + e.id})
SET t.kind = 'event_tally', t.event_id = e.id, t.date = e.date, t.claims = claims, t.denials = denials, t.omissions = omissions,
    t.reviewed = reviewed, t.score = 2 * denials + omissions
