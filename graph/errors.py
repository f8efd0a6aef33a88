"""Errors the graph layer raises; ``app`` maps them to HTTP and CLI exit codes."""


class GraphError(Exception):
    """Base class: a message a user can act on."""


class NotFound(GraphError):
    """The node, query or resource asked for does not exist."""


class InvalidInput(GraphError):
    """The request or data is malformed; saying what is wrong is the caller's fix."""


class Unavailable(GraphError):
    """The store cannot be reached (Neo4j down, wrong URI or credentials)."""


class Unsupported(GraphError):
    """The operation exists but not on this store (e.g. raw Cypher on the embedded store)."""


class StoreBusy(GraphError):
    """Another process holds the store for writing; trying again later will work."""


class Conflict(GraphError):
    """The request clashes with what the graph holds (a re-target across events)."""
