// Events an actor takes part in or is named in (through claims), oldest first, undated last.
// Params: $actor_id, $date_from, $date_to (may be null), $skip, $limit. No row: unknown actor.
// Twin: queries/actor_timeline_twin.py
MATCH (x:Actor {id: $actor_id})
CALL (x) {
  CALL (x) {
    MATCH (e:Event)-[:PARTICIPANT]->(x) RETURN e
    UNION
    MATCH (e:Event)<-[:ABOUT]-(:Claim)-[:MENTIONS]->(x) RETURN e
  }
  WITH e
  WHERE ($date_from IS NULL OR e.date >= date($date_from))
    AND ($date_to IS NULL OR e.date <= date($date_to))
  WITH e ORDER BY e.date IS NULL, e.date, e.id SKIP $skip LIMIT $limit
  RETURN collect(e {.id, .name, .kind, .date,
    roles: [(e)-[p:PARTICIPANT]->(x) | coalesce(p.role, '')],
    claims: [(e)<-[:ABOUT]-(c:Claim)-[:MENTIONS]->(x) | c {.id, .text}]}) AS entries
}
RETURN x.id AS actor_id, entries
