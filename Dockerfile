# syntax=docker/dockerfile:1
# Inspectorate as one image: the Next.js standalone server plus its launcher (config check,
# migrations, embedded database or DATABASE_URL). See docs/deploy.md for the two shapes it runs in.
# The base image is pinned to an exact Node 24 release (the same as the `node` devDependency);
# pin it by digest too where your registry policy asks for it: node:24.21.0-bookworm-slim@sha256:…
# Build: docker build -t inspectorate .   Run: docker run -p 3000:3000 -v inspectorate-data:/data inspectorate

# 1. All dependencies (the build needs the dev ones: Next.js compiler, Prisma generator, esbuild).
FROM node:24.21.0-bookworm-slim AS deps
WORKDIR /src
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/dummy-schema-engine ./scripts/
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund

# 2. The build: .next/standalone holds server.js, the launcher and only the traced production files.
FROM node:24.21.0-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /src/node_modules ./node_modules
COPY . .
RUN npm run db:generate && npm run build

# 3. The runtime: no compiler, no dev dependencies, no source; a non-root user.
FROM node:24.21.0-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    INSPECTORATE_DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /src/.next/standalone ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "inspectorate.mjs"]
