// Drop every tally node (before a full recount). They have no relationships.
MATCH (t:SckgInternal)
WHERE t.kind IN ['event_tally', 'pair_tally']
DELETE t
