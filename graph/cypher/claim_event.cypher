// The event a claim is about, the first by id (a claim id is scoped to one event).
MATCH (:Claim {id: $id})-[:ABOUT]->(e:Event)
RETURN e.id AS event_id
ORDER BY event_id
LIMIT 1
