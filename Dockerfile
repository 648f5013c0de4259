# Printernizer Bridge container image.
#
#   docker build -t printernizer-bridge .
#   docker buildx build --platform linux/amd64,linux/arm64,linux/arm/v7 \
#     -t ghcr.io/printernizer/printernizer-bridge:0.1.0 --push .
#
# Runtime choice: a framework-dependent publish on mcr.microsoft.com/dotnet/runtime rather than a
# self-contained, trimmed publish on runtime-deps. The output is plain IL, so one build on the
# build machine's own platform serves amd64, arm64 and arm/v7 (no emulated SDK, which is slow
# and fragile under QEMU), and nothing is trimmed out of the reflection-based JSON, YAML, MQTT and
# logging code, which the test suite only ever runs untrimmed. The price is the shared .NET
# runtime layer (about 30 MB compressed), which is the same layer every other .NET image uses.

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so that a source change keeps the restore layer.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/Printernizer.Bridge/Printernizer.Bridge.csproj src/Printernizer.Bridge/
COPY src/Printernizer.Simulators/Printernizer.Simulators.csproj src/Printernizer.Simulators/
RUN dotnet restore src/Printernizer.Bridge/Printernizer.Bridge.csproj
COPY src/ src/
RUN dotnet publish src/Printernizer.Bridge/Printernizer.Bridge.csproj --no-restore -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/runtime:10.0
LABEL org.opencontainers.image.title="Printernizer Bridge" \
      org.opencontainers.image.description="Bambu Lab and Prusa printers on MQTT with Home Assistant discovery"
WORKDIR /app
COPY --from=build /app ./
# A default configuration (broker from MQTT_URL, no printers, health listener on); mount your own
# file or directory over /config. State (TLS pins, job memory) goes to the /data volume.
COPY docker/config.yaml /config/config.yaml
RUN mkdir -p /data && chown "$APP_UID" /data
ENV MQTT_URL=mqtt://mosquitto:1883
VOLUME ["/config", "/data"]
# The non-root user the .NET images define (APP_UID = 1654).
USER $APP_UID
# On SIGTERM (docker stop) the bridge publishes bridge/state = offline and exits 0; give it
# `--stop-timeout 20` (compose: stop_grace_period: 20s) because shutdown may take up to 15 s.
STOPSIGNAL SIGTERM
# Needs http.listen in the configuration (the default configuration sets it): the check asks the
# bridge's /readyz, which is healthy while the broker connection is up.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["dotnet", "/app/Printernizer.Bridge.dll", "--health", "--config", "/config/config.yaml"]
# glibc's default of 8 malloc arenas per core lets TLS session churn fragment native memory
# over weeks; two arenas are plenty for a bridge's handful of threads.
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["dotnet", "/app/Printernizer.Bridge.dll"]
CMD ["--config", "/config/config.yaml"]
