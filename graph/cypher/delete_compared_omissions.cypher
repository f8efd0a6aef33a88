// Drop the OMITS edges derived by comparison for claims about these events,
// so a new account of an event can replace what the others were said to leave out.
UNWIND $event_ids AS event_id
MATCH (:Event {id: event_id})<-[:ABOUT]-(:Claim)<-[o:OMITS]-()
WHERE o.method = 'comparison'
DELETE o
