// The graph's generation (changes with every sckg write), the version of its tallies, and
// whether its dates are native (migrate_dates.cypher).
// One index seek: the API reads it to know whether a cached answer is still current.
OPTIONAL MATCH (s:SckgInternal {key: 'state'})
RETURN CASE WHEN s IS NULL THEN 'empty:0' ELSE s.epoch + ':' + toString(s.generation) END
         AS generation,
       s.tally_version AS tally_version, s.dates_version AS dates_version
