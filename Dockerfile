# intercom-mock: a local, stateful mock of the Intercom REST API.
#   docker build -t intercom-mock .
#   docker run -p 8080:8080 -v intercom-mock-data:/app/data intercom-mock
# scripts/docker-mirror.sh runs these same steps on a machine without a Docker engine.

FROM node:24-bookworm-slim AS build
# better-sqlite3 compiles from source when no prebuilt binary matches the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# Dependencies first, so a change to src does not reinstall them; `prepare` (the build) runs below, once src is here.
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts/build-ui.mjs scripts/bundle-cli.mjs ./scripts/
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
# The server writes the URL it listens on to INTERCOM_MOCK_URL_FILE; the health check reads it, so it
# follows the port however it is set (`docker run intercom-mock --port 9000` included).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    INTERCOM_MOCK_DB=/app/data/intercom-mock.sqlite \
    INTERCOM_MOCK_URL_FILE=/tmp/intercom-mock.url
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY fixtures ./fixtures
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 8080
# The image has no curl: the check is a small node script that GETs /__mock/health.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["node", "dist/healthcheck.js"]
ENTRYPOINT ["node", "dist/cli.js"]
