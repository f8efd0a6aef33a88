# The sckg API and web UI. Used by docker-compose.yml together with Neo4j.
FROM python:3.11-slim
WORKDIR /srv/sckg
COPY pyproject.toml README.md ./
COPY app app
COPY graph graph
COPY ingest ingest
COPY queries queries
RUN pip install --no-cache-dir .
COPY samples samples
EXPOSE 8000
# One worker per core the container gets; with Neo4j every worker sees every write.
CMD ["sckg", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
