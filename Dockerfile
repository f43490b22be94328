# syntax=docker/dockerfile:1
# FlinkSearch container image. The same layout is proved without Docker by .ci/published-layout.sh (run in CI).
#
#   docker build -t flinksearch .                              # builds, runs the tests, publishes
#   docker build --build-arg RUN_TESTS=false -t flinksearch .  # skip the test run (the tests still compile)
#   docker run -d -p 8080:8080 -v flinksearch-data:/app/index-data flinksearch
#
# index-data is a volume: a new named volume starts with the committed source lists; an empty bind mount gets them
# copied in by the app on first start. Settings are environment variables (Section__Key), see README.

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Restore from the project files alone, so this layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props FlinkSearch.sln ./
COPY src/FlinkSearch/FlinkSearch.csproj src/FlinkSearch/
COPY tests/FlinkSearch.Tests/FlinkSearch.Tests.csproj tests/FlinkSearch.Tests/
RUN dotnet restore FlinkSearch.sln
COPY . .
RUN dotnet build FlinkSearch.sln -c Release --no-restore

FROM build AS test
ARG RUN_TESTS=true
# Tests that need something the SDK image lacks (../shared, a browser) skip themselves.
RUN if [ "$RUN_TESTS" = "true" ]; then dotnet test -c Release --no-build; fi

FROM test AS publish
RUN dotnet publish src/FlinkSearch -c Release --no-build -o /app

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app
COPY --from=publish /app .
# The app folder stays root-owned and read-only for the app; index-data/ is the one writable place, seeded with
# the source lists so that Docker copies them into a fresh named volume.
RUN mkdir -p /app/index-data \
 && cp -r /app/defaults/sources /app/index-data/sources \
 && chown -R "$APP_UID:$APP_UID" /app/index-data
# With one CPU (a container limited to one, or pinned to one core) .NET waits ten times longer before it optimises hot
# code, and a search keeps meeting new code paths: measured on one pinned core, /search answered 66 req/s with the
# default against 251 with 1 (docs/benchmarks.md §6). More CPUs are unaffected.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Logging__Console__FormatterName=json \
    DOTNET_TC_DelaySingleProcMultiplier=1
USER $APP_UID
VOLUME /app/index-data
EXPOSE 8080
# The app's own verb asks http://localhost:$ASPNETCORE_HTTP_PORTS/health/ready: no curl needed in the image.
HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 CMD ["dotnet", "/app/FlinkSearch.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "/app/FlinkSearch.dll"]
