// Mark the tallies as counted by this version of the rules (graph/tallies.py TALLY_VERSION).
MATCH (s:SckgInternal {key: 'state'})
SET s.tally_version = $version
