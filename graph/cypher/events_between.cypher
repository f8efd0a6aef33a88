// Dated events in the inclusive ISO date range, with their sorted participant ids.
MATCH (e:Event)
WHERE e.date >= date($date_from) AND e.date <= date($date_to)
OPTIONAL MATCH (e)-[:PARTICIPANT]->(p)
WITH e, p.id AS participant
ORDER BY participant
RETURN properties(e) AS event, collect(participant) AS participants
ORDER BY event.id
