# interview-bot container image.
#
#   docker build -t interview-bot .                          # Release build
#   docker build --build-arg RUN_TESTS=1 -t interview-bot .  # ... and run the test suites first
#   docker run -p 8080:8080 -v interview-data:/data interview-bot
#
# Stage 1 builds on Debian 12 with the README's packages and installs into /install with the
# project's install() rules (bin/interview-bot, share/interview-bot/content); stage 2 is
# debian:bookworm-slim with only the shared libraries the binary links and that install tree under
# /usr/local. WordNet and Snowball (wordnet-base, libstemmer-dev) are build-stage packages only:
# the lexicon table is compiled into the binary and libstemmer linked statically.

############################################################################### build
FROM debian:bookworm AS build

WORKDIR /src
# The package list lives in scripts/install-deps; copied alone so this layer is cached across
# source changes.
COPY scripts/install-deps scripts/install-deps
RUN scripts/install-deps build && rm -rf /var/lib/apt/lists/*

# 1 = also build the doctest suites and run them with ctest (adds a few minutes).
ARG RUN_TESTS=0
COPY . .
# With RUN_TESTS=1 every suite runs, the PostgreSQL ones on a throwaway cluster
# (scripts/with-postgres, with the postgresql-15 and nginx packages this adds); the one that needs
# ../shared (outside the build context) is reported as skipped. The browser tests need Chromium,
# which this stage does not install.
RUN set -eu; \
    tests=OFF; [ "$RUN_TESTS" = 1 ] && tests=ON; \
    if [ "$RUN_TESTS" = 1 ]; then \
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends postgresql-15 nginx python3 >/dev/null; \
    fi; \
    cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local \
          -DINTERVIEW_BOT_TESTS=$tests -DINTERVIEW_BOT_BENCHMARKS=OFF \
          -DINTERVIEW_BOT_BROWSER_TESTS=OFF; \
    if [ "$RUN_TESTS" = 1 ]; then \
      cmake --build build -j"$(nproc)"; \
      scripts/with-postgres ctest --test-dir build --output-on-failure -j"$(nproc)"; \
    else \
      cmake --build build -j"$(nproc)" --target interview-bot; \
    fi; \
    DESTDIR=/install cmake --install build --strip; \
    /install/usr/local/bin/interview-bot check-content /install/usr/local/share/interview-bot/content/seed

############################################################################### runtime
FROM debian:bookworm-slim

# The runtime libraries of `ldd interview-bot` (libcpp-httplib0.11 brings zlib and brotli; libpq5
# is the PostgreSQL client, for DATABASE_URL), and
# ca-certificates for outgoing HTTPS (Slack, completion webhooks). A dedicated non-root user owns
# /data, the database volume.
RUN set -eu; \
    apt-get update -qq; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libcpp-httplib0.11 libre2-9 libsqlite3-0 libpq5 libssl3 ca-certificates >/dev/null; \
    rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/cache/apt/archives/*.deb \
           /var/cache/debconf/*-old /var/log/apt/* /var/log/dpkg.log \
           /usr/share/doc/* /usr/share/man/*; \
    groupadd --system --gid 10001 interview-bot; \
    useradd --system --uid 10001 --gid 10001 --home-dir /data --no-create-home \
            --shell /usr/sbin/nologin interview-bot; \
    mkdir -p /data; \
    chown 10001:10001 /data; \
    chmod 0750 /data

WORKDIR /data
COPY --from=build /install/usr/local/ /usr/local/
# Fails the build when a shared library is missing from this stage.
RUN ! ldd /usr/local/bin/interview-bot | grep "not found"

# Same variables as outside the container (README, "Docker"). Slack: SLACK_SIGNING_SECRET,
# SLACK_BOT_TOKEN, SLACK_API_BASE_URL, COMPLETION_WEBHOOK_URLS, COMPLETION_WEBHOOK_SECRET are
# passed at run time, never baked into the image.
ENV PORT=8080 \
    BIND_ADDRESS=0.0.0.0 \
    DATABASE_PATH=/data/interview.db \
    INTERVIEW_BOT_CONTENT=/usr/local/share/interview-bot/content/seed \
    WORKER_THREADS=32 \
    RATE_LIMIT_PER_MINUTE=300

USER 10001:10001
VOLUME ["/data"]
EXPOSE 8080
# The server takes SIGTERM: it stops accepting, finishes in-flight requests and exits 0.
STOPSIGNAL SIGTERM
# No curl in the slim image: the binary checks GET http://127.0.0.1:$PORT/healthz itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["/usr/local/bin/interview-bot", "healthcheck"]

ENTRYPOINT ["/usr/local/bin/interview-bot"]
CMD ["serve"]
