// Who takes part in which event: the edges of the actor co-participation network.
// Params: none. Twin: queries.analytics.participants_twin
MATCH (e:Event)-[:PARTICIPANT]->(a:Actor)
RETURN DISTINCT e.id AS event_id, a.id AS actor_id, a.name AS name
ORDER BY event_id, actor_id
