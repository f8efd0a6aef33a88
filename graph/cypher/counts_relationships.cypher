// Relationships per type, read from the count store (constant time).
MATCH ()-[r:ASSERTS]->() RETURN 'ASSERTS' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:DENIES]->() RETURN 'DENIES' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:OMITS]->() RETURN 'OMITS' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:ABOUT]->() RETURN 'ABOUT' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:PARTICIPANT]->() RETURN 'PARTICIPANT' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:MENTIONS]->() RETURN 'MENTIONS' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:SPEAKS_FOR]->() RETURN 'SPEAKS_FOR' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:PUBLISHED_BY]->() RETURN 'PUBLISHED_BY' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:REPORTS]->() RETURN 'REPORTS' AS name, count(r) AS count
