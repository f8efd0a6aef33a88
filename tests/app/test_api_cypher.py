"""``POST /cypher``: reads only, refused before running otherwise, bounded in rows and time.

The screening is unit-tested without a server; everything else runs on the
real Neo4j of the test session, and each refusal is checked to have changed
nothing in the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api import create_app
from app.errors import ApiError
from app.routes._cypher_read import code_only, screen
from app.settings import Settings
from graph.neo4j_store import Neo4jStore

WRITES = [
    "CREATE (n:Intruder) RETURN n",
    "MERGE (n:Intruder {id: 'x'})",
    "MATCH (n:Actor) DELETE n",
    "MATCH (n:Actor) DETACH DELETE n",
    "MATCH (n:Actor) SET n.name = 'x'",
    "MATCH (n:Actor) REMOVE n.name",
    "MATCH (n:Actor) SET n:Intruder",
    "UNWIND [1] AS x CREATE (:Intruder)",
    "MATCH (n:Actor) CALL (n) { CREATE (:Intruder) } RETURN n",
    "WITH 1 AS x FOREACH (i IN [1] | CREATE (:Intruder))",
    "CREATE INDEX intruder IF NOT EXISTS FOR (n:Intruder) ON (n.id)",
    "CREATE CONSTRAINT intruder IF NOT EXISTS FOR (n:Intruder) REQUIRE n.id IS UNIQUE",
    "DROP INDEX intruder IF EXISTS",
    "SHOW USERS",
    "SHOW INDEXES",
    "SHOW TRANSACTIONS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "CREATE USER intruder SET PASSWORD 'intruder-password'",
    "CALL dbms.components()",
    "CALL dbms.listConfig()",
    "CALL db.createLabel('Intruder')",
    "CALL db.clearQueryCaches()",
    "CALL `db`.`createLabel`('Intruder')",
    "MATCH (n) CALL db.createProperty('intruder') RETURN n",
    "CALL tx.setMetaData({a: 1})",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "WITH 1 AS x LOAD CSV FROM 'http://127.0.0.1/x.csv' AS line RETURN line",
    "// a comment\nCREATE (:Intruder)",
    "/* MATCH */ MERGE (:Intruder)",
    "CYPHER 5 CREATE (:Intruder)",
    "EXPLAIN MATCH (n) RETURN n",
    "PROFILE MATCH (n) RETURN n",
    "USE system SHOW USERS",
]


@pytest.mark.parametrize(
    "query",
    [
        "RETURN 1",
        "MATCH (n) RETURN n",
        "OPTIONAL MATCH (n) RETURN n",
        "CYPHER 5 MATCH (n) RETURN n",
        "WITH 'CREATE (n)' AS s RETURN s",
        'MATCH (n) WHERE n.name = "DELETE" RETURN n // CREATE',
        "CALL db.labels()",
        "CALL db.schema.visualization()",
        "UNWIND [1] AS x RETURN x",
        "MATCH (n) CALL (n) { RETURN 1 AS one } RETURN one",
    ],
)
def test_screen_lets_reads_through(query: str) -> None:
    screen(query)


PLANNED = {q for q in WRITES if q.startswith(("MATCH", "UNWIND", "WITH"))} - {
    q for q in WRITES if "CALL db." in q or "LOAD CSV" in q
}


@pytest.mark.parametrize("query", [q for q in WRITES if q not in PLANNED])
def test_screen_refuses_from_the_text(query: str) -> None:
    with pytest.raises(ApiError) as caught:
        screen(query)
    assert caught.value.status == 400 and caught.value.code == "cypher_refused"


def test_code_only_blanks_strings_and_comments() -> None:
    assert code_only("RETURN 'CREATE' /* x */ AS `a b` // DELETE") == "RETURN ''   AS a b "
    assert code_only('RETURN "it\\"s" AS s') == "RETURN '' AS s"


def test_refused_on_the_embedded_store(tmp_path: Path) -> None:
    with TestClient(create_app(Settings(db=str(tmp_path / "g")))) as client:
        response = client.post("/cypher", json={"query": "RETURN 1"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "unsupported" and "Neo4j" in error["message"]


@pytest.fixture
def cypher(neo4j_store: Neo4jStore, neo4j_server: Any) -> Iterator[Any]:
    """POST a query to an app on the test Neo4j, seeded with a few actors."""
    neo4j_store.read("RETURN 1")  # the store is empty and reachable
    with neo4j_store.driver.session() as session:
        session.run(
            "UNWIND range(1, 12) AS i CREATE (:Actor {id: 'actor:a' + i, name: 'A' + i})"
        ).consume()
    settings = Settings(db=neo4j_server.db_uri, cypher_row_limit=10, cypher_timeout_s=1.0)
    with TestClient(create_app(settings)) as client:

        def post(query: str, params: dict[str, Any] | None = None) -> Any:
            return client.post("/cypher", json={"query": query, "params": params or {}})

        yield post


def _state(store: Neo4jStore) -> tuple[Any, ...]:
    with store.driver.session() as session:
        nodes = session.run(
            "MATCH (n) RETURN count(n) AS c, collect(DISTINCT n.name) AS names "
        ).single()
        labels = session.run("CALL db.labels() YIELD label RETURN collect(label) AS l").single()
        indexes = session.run("SHOW INDEXES YIELD name RETURN collect(name) AS i").single()
        users = session.run(
            "SHOW USERS YIELD user RETURN collect(user) AS u", database="system"
        ).single()
    assert nodes and labels and indexes and users
    return (
        nodes["c"],
        sorted(nodes["names"]),
        sorted(labels["l"]),
        sorted(indexes["i"]),
        sorted(users["u"]),
    )


@pytest.mark.neo4j
@pytest.mark.parametrize("query", WRITES)
def test_writes_schema_and_admin_are_refused(
    cypher: Any, neo4j_store: Neo4jStore, query: str
) -> None:
    before = _state(neo4j_store)
    response = cypher(query)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] in {"cypher_refused", "cypher_syntax", "cypher_error"}, error
    assert _state(neo4j_store) == before


@pytest.mark.neo4j
@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("MATCH (n:Actor) SET n.name = 'x'", "w"),
        ("MATCH (n:Actor) DETACH DELETE n", "w"),
        ("MATCH (n) WITH n CREATE (m:Intruder) RETURN m", "rw"),
    ],
)
def test_the_plan_refuses_writes_the_screen_lets_by(cypher: Any, query: str, kind: str) -> None:
    screen(query)  # a read clause first: only EXPLAIN's query type tells
    error = cypher(query).json()["error"]
    assert error["code"] == "cypher_refused" and error["detail"] == {"query_type": kind}


@pytest.mark.neo4j
def test_return_1(cypher: Any) -> None:
    response = cypher("RETURN 1")
    assert response.status_code == 200, response.text
    assert response.json() == {
        "columns": ["1"],
        "rows": [[1]],
        "truncated": False,
        "row_limit": 10,
        "query_type": "r",
    }


@pytest.mark.neo4j
def test_nodes_relationships_and_paths_become_plain_json(cypher: Any) -> None:
    response = cypher(
        "MATCH (a:Actor {id: $id}) WITH a "
        "CALL (a) { WITH a RETURN a AS n } "
        "RETURN n, {name: n.name, at: date('2022-07-25')} AS m, [1.5, null, true] AS l",
        {"id": "actor:a1"},
    )
    assert response.status_code == 200, response.text
    [[node, mapping, values]] = response.json()["rows"]
    assert node == {
        "id": "actor:a1",
        "labels": ["Actor"],
        "properties": {"id": "actor:a1", "name": "A1"},
    }
    assert mapping == {"name": "A1", "at": "2022-07-25"} and values == [1.5, None, True]


@pytest.mark.neo4j
def test_relationships_and_paths(cypher: Any, neo4j_store: Neo4jStore) -> None:
    with neo4j_store.driver.session() as session:
        session.run(
            "MATCH (a {id: 'actor:a1'}), (b {id: 'actor:a2'}) "
            "CREATE (a)-[:KNOWS {id: 'rel:k'}]->(b)"
        ).consume()
    body = cypher("MATCH p = (a)-[r:KNOWS]->(b) RETURN r, p").json()
    [[rel, path]] = body["rows"]
    assert rel == {
        "id": "rel:k",
        "type": "KNOWS",
        "start": "actor:a1",
        "end": "actor:a2",
        "properties": {"id": "rel:k"},
    }
    assert [n["id"] for n in path["nodes"]] == ["actor:a1", "actor:a2"]
    assert path["relationships"] == [rel]


@pytest.mark.neo4j
@pytest.mark.parametrize(
    ("n", "rows", "truncated"), [(3, 3, False), (10, 10, False), (11, 10, True), (100000, 10, True)]
)
def test_row_limit(cypher: Any, n: int, rows: int, truncated: bool) -> None:
    body = cypher("UNWIND range(1, $n) AS x RETURN x", {"n": n}).json()
    assert len(body["rows"]) == rows and body["truncated"] is truncated
    assert body["rows"][0] == [1]


@pytest.mark.neo4j
def test_timeout_is_504_in_the_error_shape(cypher: Any) -> None:
    response = cypher("UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(*)")
    assert response.status_code == 504, response.text
    error = response.json()["error"]
    assert error["code"] == "query_timeout" and "1 s" in error["message"]


@pytest.mark.neo4j
@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("MATCH (n RETURN n", "cypher_syntax"),
        ("RETURN 1; RETURN 2", "cypher_syntax"),
        ("RETURN $missing", "cypher_error"),
        ("CALL db.index.fulltext.queryNodes('none', 'x')", "cypher_error"),
    ],
)
def test_bad_queries_are_400(cypher: Any, query: str, code: str) -> None:
    response = cypher(query)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == code
