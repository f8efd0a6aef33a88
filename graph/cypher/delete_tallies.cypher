// Drop every tally node (before a full recount). They have no relationships.
MATCH (t:EventTally|SourcePairTally)
DELETE t
