// The indexes and constraints an older sckg made for the bookkeeping labels it used before
// they moved under SckgInternal (graph/neo4j_store.py LEGACY_LABELS); none once migrated.
// Params: $labels.
SHOW INDEXES YIELD name, labelsOrTypes, owningConstraint
WHERE any(label IN labelsOrTypes WHERE label IN $labels)
RETURN name, owningConstraint AS constraint
ORDER BY name
