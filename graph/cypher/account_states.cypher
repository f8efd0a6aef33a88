// Each claim's account edges as [source id, type, method, edge id, review] rows: the given claims and
// every claim about the given events, and whether the claim is about one of those events
// (its compared OMITS are about to be replaced). Read once per write, before it: the
// state after is worked out from the fragment (graph/tallies.py: stances_after).
CALL () {
  UNWIND $claim_ids AS id
  MATCH (c:Claim {id: id})
  RETURN c
  UNION
  UNWIND $event_ids AS id
  MATCH (:Event {id: id})<-[:ABOUT]-(c:Claim)
  RETURN c
}
RETURN c.id AS claim_id,
       [(s:Source)-[r:ASSERTS|DENIES|OMITS]->(c) | [s.id, type(r), r.method, r.id, r.review]] AS stances,
       EXISTS { MATCH (c)-[:ABOUT]->(e:Event) WHERE e.id IN $event_ids } AS recomputed
