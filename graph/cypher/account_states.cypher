// Each claim's account edges as [source id, type] pairs: the given claims and every
// claim about the given events. Read before and after a write to change the pair tallies.
CALL () {
  UNWIND $claim_ids AS id
  MATCH (c:Claim {id: id})
  RETURN c
  UNION
  UNWIND $event_ids AS id
  MATCH (:Event {id: id})<-[:ABOUT]-(c:Claim)
  RETURN c
}
RETURN c.id AS claim_id, [(s:Source)-[r:ASSERTS|DENIES|OMITS]->(c) | [s.id, type(r)]] AS stances
