// Every ordered pair (a, b): distinct claims b asserts that a also asserts, denies or omits,
// counted from the edges a reviewer did not reject or re-target. Costs the whole graph:
// for full recounts and checks only.
MATCH (b:Source)-[x:ASSERTS]->(c:Claim)<-[r:ASSERTS|DENIES|OMITS]-(a:Source)
WHERE a <> b
  AND NOT coalesce(x.review, '') IN ['rejected', 'retargeted']
  AND NOT coalesce(r.review, '') IN ['rejected', 'retargeted']
WITH a.id AS a, b.id AS b, type(r) AS kind, count(DISTINCT c) AS n
WITH a, b,
     sum(CASE kind WHEN 'ASSERTS' THEN n ELSE 0 END) AS corroborates,
     sum(CASE kind WHEN 'DENIES' THEN n ELSE 0 END) AS denies,
     sum(CASE kind WHEN 'OMITS' THEN n ELSE 0 END) AS omits
RETURN a, b, corroborates, denies, omits
ORDER BY a, b
