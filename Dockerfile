# The graphsvc API. Neo4j runs in its own container (see docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graphsvc ./graphsvc
COPY cypher ./cypher
COPY seeds ./seeds
# A wheel install: the Cypher library and the demo seed travel inside the package
# (graphsvc/cypher, graphsvc/seeds), so `graphsvc seed` works from any directory.
RUN pip install --no-cache-dir . \
 && useradd --system --uid 10001 --no-create-home --home-dir /app graphsvc
USER graphsvc
EXPOSE 8000
CMD ["graphsvc", "serve", "--host", "0.0.0.0", "--port", "8000"]
