# Switchyard image: `switchyard controller` and the `switchyard proxy` it provisions, one image.
# Node 24 runs the TypeScript sources directly (type stripping), so there is no build step: the
# first stage only installs production dependencies, the second copies them with the sources.
# Run it with a read-only root filesystem (deploy/ and provisioned proxies set
# readOnlyRootFilesystem: true): nothing here writes to disk at run time.

FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:24-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY src ./src
# A fixed numeric non-root user, so Kubernetes' runAsNonRoot can verify it without /etc/passwd.
USER 10001:10001
EXPOSE 18000 8081 8082
ENTRYPOINT ["node", "/app/bin/switchyard.js"]
CMD ["controller"]
