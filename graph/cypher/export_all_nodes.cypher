// Every node of the model, in id order, in the export shape (bookkeeping nodes such as
// the SckgInternal ones stay out).
MATCH (n:Actor|Event|Source|Claim|Article)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
ORDER BY id
