#!/usr/bin/env bash
# The test command: restore, build with warnings as errors, run every test project (unit, integration,
# browser, PostgreSQL) and end with one line "N passed, N failed, N skipped" that CI reads.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# System prerequisites: Debian's Chromium for the browser tests, PostgreSQL for the provider theories, Node and npm for the FHIR client test.
if [ "$(id -u)" = 0 ]; then
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  [ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
  command -v node >/dev/null || need+=(nodejs)
  command -v npm >/dev/null || need+=(npm)
  if [ ${#need[@]} -gt 0 ]; then
    echo "test.sh: installing ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
fi

# The npm FHIR client (fhir-kit-client) that FhirNodeClientTests runs, from its lock file.
(cd tests/fhir-node && npm ci --no-audit --no-fund --loglevel=error) || echo "test.sh: npm ci in tests/fhir-node failed: the Node FHIR client test will fail" >&2

dotnet restore RegenClinic.slnx || { echo "0 passed, 1 failed"; exit 1; }
dotnet build RegenClinic.slnx -c Release --no-restore -warnaserror -nologo -v q || { echo "0 passed, 1 failed"; exit 1; }

# A throwaway PostgreSQL cluster on a free loopback port, removed when the script ends.
pg_bin=/usr/lib/postgresql/15/bin
pg_dir=""
cleanup() {
  if [ -n "$pg_dir" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT
if [ -x "$pg_bin/initdb" ] && [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
  pg_dir=$(mktemp -d /tmp/regenclinic-pg.XXXXXX)
  chown postgres "$pg_dir"
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  if runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >/dev/null \
     && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" \
          -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" -w start >/dev/null; then
    export REGENCLINIC_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
    echo "test.sh: PostgreSQL 15 on 127.0.0.1:$pg_port"
  else
    echo "test.sh: PostgreSQL could not start; see $pg_dir/log" >&2
    cat "$pg_dir/log" >&2 || true
  fi
fi
if [ -z "${REGENCLINIC_TEST_POSTGRES:-}" ]; then
  echo "test.sh: no PostgreSQL server: the PostgreSQL tests will fail (run as root to install and start one)" >&2
  export REGENCLINIC_TEST_POSTGRES="unavailable"
fi

passed=0; failed=0; skipped=0
mkdir -p "$root/TestResults"
for proj in tests/*/; do
  name=$(basename "$proj")
  [ -f "$proj/$name.csproj" ] || continue # tests/fhir-node is the Node client a .NET test runs
  dll="$proj/bin/Release/net10.0/linux-x64/$name.dll"
  [ -f "$dll" ] || { echo "test.sh: $dll not built"; failed=$((failed+1)); continue; }
  echo "== $name"
  log="$root/TestResults/$name.log"
  (cd "$proj" && dotnet "bin/Release/net10.0/linux-x64/$name.dll" -noColor -xml "$root/TestResults/$name.xml") 2>&1 | tee "$log"
  summary=$(grep -E "^ +$name +Total: [0-9]+" "$log" | tail -1)
  if [ -z "$summary" ]; then
    echo "test.sh: $name produced no summary (crashed?)"; failed=$((failed+1)); continue
  fi
  field() { local v; v=$(grep -oE "$1: [0-9]+" <<<"$summary" | grep -oE "[0-9]+"); echo "${v:-0}"; }
  total=$(field Total); errs=$(field Errors); fail=$(field Failed); skip=$(field Skipped); notrun=$(field "Not Run")
  passed=$((passed + total - fail - skip - notrun))
  failed=$((failed + fail + errs))
  skipped=$((skipped + skip + notrun))
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
