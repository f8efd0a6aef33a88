# The sckg API and web UI. Used by docker-compose.yml together with Neo4j.
FROM python:3.11-slim
WORKDIR /srv/sckg

# Dependencies first, in their own layer: editing the code does not reinstall them.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install --no-cache-dir -r /tmp/requirements.txt

COPY README.md ./
COPY app app
COPY graph graph
COPY ingest ingest
COPY queries queries
RUN pip install --no-cache-dir --no-deps .
COPY samples samples

# Not root: the API needs no privilege. The analyst's corpus is mounted read-only at /corpus.
RUN useradd --create-home --uid 10001 sckg && mkdir -p /corpus
USER sckg
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=5s --retries=30 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"
# One worker per core the container gets; with Neo4j every worker sees every write.
CMD ["sckg", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
