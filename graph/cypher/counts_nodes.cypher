// Nodes per label, read from the count store (constant time).
MATCH (n:Actor) RETURN 'Actor' AS name, count(n) AS count
UNION ALL
MATCH (n:Event) RETURN 'Event' AS name, count(n) AS count
UNION ALL
MATCH (n:Source) RETURN 'Source' AS name, count(n) AS count
UNION ALL
MATCH (n:Claim) RETURN 'Claim' AS name, count(n) AS count
UNION ALL
MATCH (n:Article) RETURN 'Article' AS name, count(n) AS count
