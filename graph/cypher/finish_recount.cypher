// Mark the tallies as counted by this version of the rules (graph/tallies.py TALLY_VERSION).
MATCH (s:SckgState {key: 'graph'})
SET s.tally_version = $version
