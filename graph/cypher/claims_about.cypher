// Claims about the given events, each with the ASSERTS/DENIES/OMITS edges touching it
// that a reviewer has not rejected or re-targeted.
UNWIND $event_ids AS event_id
MATCH (:Event {id: event_id})<-[:ABOUT]-(c:Claim)
OPTIONAL MATCH (s)-[a:ASSERTS|DENIES|OMITS]->(c)
WHERE NOT coalesce(a.review, '') IN ['rejected', 'retargeted']
WITH event_id, c, a, s
ORDER BY type(a), s.id, a.article_id, a.id
WITH event_id, c,
     collect(CASE WHEN a IS NULL THEN NULL ELSE {
       type: type(a), source_id: s.id, evidence: a.evidence,
       article_id: a.article_id, method: a.method, frame: a.frame
     } END) AS accounts
RETURN event_id, properties(c) AS claim, accounts
ORDER BY event_id, claim.id
