# The graphsvc API. Neo4j runs in its own container (see docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graphsvc ./graphsvc
COPY cypher ./cypher
COPY seeds ./seeds
RUN pip install --no-cache-dir .
ENV GRAPHSVC_CYPHER_DIR=/app/cypher
EXPOSE 8000
CMD ["graphsvc", "serve", "--host", "0.0.0.0", "--port", "8000"]
