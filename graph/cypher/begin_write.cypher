// First statement of every sckg write transaction: bump the graph's generation.
// Writing the one state node takes its lock, so sckg writers run one after another
// and each reads the counts (graph/tallies.py) as the previous one left them.
// A new state node gets a random epoch, so a recreated database never repeats a generation.
MERGE (s:SckgInternal {key: 'state'})
  ON CREATE SET s.kind = 'state', s.epoch = randomUUID(), s.generation = 0
SET s.generation = s.generation + 1
RETURN s.epoch + ':' + toString(s.generation) AS generation, s.tally_version AS tally_version
