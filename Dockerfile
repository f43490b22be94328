# FlinkSearch container image. CI builds and runs it (.ci/container-check.sh) and proves the same layout without a
# container engine (.ci/published-layout.sh).
#
#   docker build -t flinksearch .
#   docker run -d -p 8080:8080 -v flinksearch-data:/app/index-data flinksearch
#
# index-data is a volume: a new named volume starts with the committed source lists; an empty bind mount gets them
# copied in by the app on first start. Settings are environment variables (Section__Key), see README.
#
# No test stage: in an SDK image the browser tests have no chromium and the process tests lack `kill`, so they fail
# there, and CI already runs the whole suite (`dotnet test`) before it builds this image; a run here repeated less of it.

ARG DOTNET_VERSION=10.0

# What `dotnet restore` reads, cut from the whole context (.dockerignore applies): no hand-kept list of projects to go
# stale, and the restore layer below stays cached while only sources change (COPY --from compares file contents).
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS restore-inputs
WORKDIR /src
COPY . .
RUN find . -type f ! \( -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.sln' -o -name '*.slnx' \
      -o -name global.json -o -iname nuget.config \) -delete

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# ReadyToRun: the app and its packages precompiled, for 19 MB of image: 18-29 % less CPU to the first answered search
# (docs/benchmarks.md §9). READY_TO_RUN=false leaves them to the JIT.
ARG READY_TO_RUN=true
COPY --from=restore-inputs /src ./
RUN dotnet restore src/FlinkSearch --use-current-runtime -p:PublishReadyToRun=$READY_TO_RUN
COPY . .
# Without --no-restore: it costs a no-op check here, and a build whose NuGet folder is a throwaway mount (podman's :O,
# as CI's container check lends the host's cache) gets back what the step above fetched.
RUN dotnet publish src/FlinkSearch -c Release --use-current-runtime --self-contained false --disable-build-servers \
      -p:PublishReadyToRun=$READY_TO_RUN -p:UseAppHost=false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app
COPY --from=build /app .
# The app folder stays root-owned and read-only for the app; index-data/ is the one writable place, seeded with
# the source lists so that Docker copies them into a fresh named volume.
RUN mkdir -p /app/index-data \
 && cp -r /app/defaults/sources /app/index-data/sources \
 && chown -R "$APP_UID:$APP_UID" /app/index-data
# With one CPU (a container limited to one, or pinned to one core) .NET waits ten times longer before it optimises hot
# code, and a search keeps meeting new code paths: measured on one pinned core, /search answered 66 req/s with the
# default against 251 with 1 (docs/benchmarks.md §6). More CPUs are unaffected.
# A search allocates ~0.5 MB; where the machine does not tell .NET its cache sizes (many VMs), the collector's budget
# for new objects stays at a few MB, it collects ~100 times a second under load and stopping the threads each time
# took 40 % of one core. A 32 MB floor cuts that to 8 % for ~50 MB more memory (docs/benchmarks.md §16). Only an
# environment variable sets it.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Logging__Console__FormatterName=json \
    DOTNET_TC_DelaySingleProcMultiplier=1 \
    DOTNET_GCgen0size=0x2000000
USER $APP_UID
VOLUME /app/index-data
EXPOSE 8080
# The app's own verb asks http://localhost:$ASPNETCORE_HTTP_PORTS/health/ready: no curl needed in the image.
HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 CMD ["dotnet", "/app/FlinkSearch.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "/app/FlinkSearch.dll"]
