"""``POST /ingest``: articles as JSON or uploaded files, through the CLI's pipeline.

Guarded by the ``X-API-Key`` header (see :func:`app.deps.require_api_key`); the
key is checked before the body is read. Input that cannot become an article
(an unknown file type, a binary, a bad ``.jsonl`` line) is reported under
``skipped`` with its reason, never as a server error.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from app.deps import require_api_key, write_store
from app.errors import ApiError
from app.routes._models import IngestRequest, IngestResult, SkippedItem
from app.routes._openapi import documented
from graph.store import GraphStore
from ingest.documents import ArticleDoc, Skipped
from ingest.extractor import RuleExtractor
from ingest.nlp import ModelMissing
from ingest.pipeline import ingest_documents
from ingest.readers import read_upload

router = APIRouter(tags=["ingest"])

MAX_JSON_BYTES = 20 * 1024 * 1024
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_FILES = 100
Doc = ArticleDoc | Skipped

_ARTICLE = {
    "text": "On 25 July US Secretary of State Antony Blinken had a phone call with "
    "President Ilham Aliyev. The sides discussed the peace treaty.",
    "title": "Blinken calls Aliyev",
    "url": "https://example.org/news/1",
    "outlet": "JAMnews",
    "published": "2022-07-26",
    "language": "en",
}
RESULT_EXAMPLE = IngestResult(
    ingested=1,
    already=0,
    skipped=[
        SkippedItem(
            path="scan.pdf",
            reason="unsupported file type '.pdf'; expected "
            "one of .htm, .html, .jsonl, .markdown, .md, .txt",
        )
    ],
    counts={"nodes": 9, "relationships": 14},
    seconds=0.21,
)
_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {"$ref": "#/components/schemas/IngestRequest"},
            "example": {"articles": [_ARTICLE]},
        },
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "files": {
                        "type": "array",
                        "items": {"type": "string", "format": "binary"},
                        "description": ".txt, .md, .html or .jsonl files",
                    }
                },
            },
            "example": {"files": ["readout.txt"]},
        },
    },
}


@router.post(
    "/ingest",
    response_model=IngestResult,
    dependencies=[Depends(require_api_key)],
    responses=documented(RESULT_EXAMPLE.model_dump(mode="json"), 403, 413, 503),
    openapi_extra={"requestBody": _BODY},
)
async def ingest(request: Request) -> IngestResult:
    """Ingest articles (JSON `{"articles": [...]}` or multipart files); needs X-API-Key."""
    docs = await _documents(request)
    async with write_store(request) as store:
        model = request.app.state.settings.spacy_model
        return await run_in_threadpool(_ingest, store, docs, model)


WRITER_WAIT_S = 10.0  # how long a request waits for a CLI ingest into the same folder


def _ingest(store: GraphStore, docs: list[Doc], model: str | None) -> IngestResult:
    try:
        # The same lock as a CLI ingest's: another process writing means a wait, then a
        # 503 store_busy, never a save over its work.
        with store.writing(WRITER_WAIT_S):
            report = ingest_documents(store, docs, progress=False,
                                      extractor=RuleExtractor(model=model))
    except ModelMissing as exc:
        raise ApiError(503, "model_missing", str(exc)) from exc
    return IngestResult(
        ingested=report.ingested,
        already=report.already,
        skipped=[SkippedItem(path=s.path, line=s.line, reason=s.reason) for s in report.skipped],
        counts=dict(report.counts),
        seconds=round(report.seconds, 3),
    )


async def _documents(request: Request) -> list[Doc]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        return await _json_documents(request)
    if kind == "multipart/form-data":
        return await _uploaded_documents(request)
    raise ApiError(
        415,
        "unsupported_media_type",
        'send application/json {"articles": [...]} or multipart/form-data files',
        {"content_type": kind or None},
    )


async def _json_documents(request: Request) -> list[Doc]:
    body = await request.body()
    if len(body) > MAX_JSON_BYTES:
        raise ApiError(413, "payload_too_large", f"JSON body exceeds {_mb(MAX_JSON_BYTES)}")
    try:
        parsed = IngestRequest.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError(_in_body(exc.errors())) from exc
    return [ArticleDoc.from_input(item, f"api[{i}]") for i, item in enumerate(parsed.articles)]


async def _uploaded_documents(request: Request) -> list[Doc]:
    form = await request.form(max_files=MAX_FILES)
    uploads = [v for _, v in form.multi_items() if isinstance(v, UploadFile)]
    if not uploads:
        raise RequestValidationError(
            [
                {
                    "type": "missing",
                    "loc": ("body", "files"),
                    "input": None,
                    "msg": "no file uploaded; send .txt, .md, .html or .jsonl files as 'files'",
                }
            ]
        )
    docs: list[Doc] = []
    for number, upload in enumerate(uploads):
        name = upload.filename or f"upload[{number}]"
        data = await upload.read(MAX_UPLOAD_BYTES + 1)
        if len(data) > MAX_UPLOAD_BYTES:
            docs.append(
                Skipped(path=name, reason=f"larger than the {_mb(MAX_UPLOAD_BYTES)} upload limit")
            )
            continue
        docs.extend(read_upload(name, data))
    return docs


def _in_body(errors: Any) -> list[dict[str, Any]]:
    return [{**err, "loc": ("body", *err.get("loc", ()))} for err in errors]


def _mb(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"
