// Add count changes (rows from graph/tallies.py pair_deltas) to the source-pair tallies;
// a tally that falls to zero is deleted.
UNWIND $rows AS row
MERGE (t:SckgInternal {key: 'pair_tally:' + row.id})
  ON CREATE SET t.kind = 'pair_tally', t.id = row.id, t.a = row.a, t.b = row.b, t.corroborates = 0, t.denies = 0, t.omits = 0
SET t.corroborates = t.corroborates + row.corroborates,
    t.denies = t.denies + row.denies,
    t.omits = t.omits + row.omits
SET t.total = t.corroborates + t.denies + t.omits
WITH t
WHERE t.total = 0
DELETE t
