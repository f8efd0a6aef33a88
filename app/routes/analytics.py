"""Network measures: the signed source network and actor centrality."""

from __future__ import annotations

from fastapi import APIRouter

from app.deps import PageDep, StoreDep
from app.routes import _examples as ex
from app.routes._models import Page
from app.routes._openapi import documented
from queries import analytics
from queries.results import ActorCentrality, SignedEdge, SignedNetwork, SourceRef

router = APIRouter(prefix="/analytics", tags=["analytics"])

NETWORK_EXAMPLE = SignedNetwork(
    nodes=[
        SourceRef(id=ex.HAQQIN, name="Haqqin.az"),
        SourceRef(id=ex.PRESIDENT_AZ, name="president.az"),
        SourceRef(id=ex.STATE_DEPT, name="US State Department"),
    ],
    edges=[
        SignedEdge(
            source_a=ex.HAQQIN,
            source_b=ex.PRESIDENT_AZ,
            corroborates=2,
            denies=0,
            omits=0,
            weight=2,
            sign=1,
        ),
        SignedEdge(
            source_a=ex.HAQQIN,
            source_b=ex.STATE_DEPT,
            corroborates=0,
            denies=1,
            omits=0,
            weight=-1,
            sign=-1,
        ),
    ],
    camps=[[ex.HAQQIN, ex.PRESIDENT_AZ], [ex.STATE_DEPT]],
    balance=1.0,
    triangles=0,
)
CENTRALITY_EXAMPLE = [
    ActorCentrality(
        actor_id=ex.ALIYEV,
        name="Ilham Aliyev",
        events=3,
        degree=0.75,
        betweenness=0.5,
        pagerank=0.31,
    )
]


@router.get(
    "/sources", response_model=SignedNetwork, responses=documented(ex.dump(NETWORK_EXAMPLE))
)
def source_network(store: StoreDep) -> SignedNetwork:
    """The signed source network: who corroborates (+) or contradicts (−) whom, with camps."""
    return analytics.signed_network(store)


@router.get(
    "/actors/centrality",
    response_model=Page[ActorCentrality],
    responses=documented(ex.page(CENTRALITY_EXAMPLE)),
)
def actor_centrality(store: StoreDep, page: PageDep) -> Page[ActorCentrality]:
    """Actors by their place in the network of who meets whom (PageRank first)."""
    ranked = analytics.actor_centrality(store)
    return Page.of(ranked[page.offset : page.offset + page.limit], page.limit, page.offset)
