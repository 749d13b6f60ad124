#!/usr/bin/env bash
# Runs the Dockerfile's steps on this machine, which has no Docker engine: a clean install, the build,
# dev dependencies pruned, a runtime tree with only what the image copies, then the server started as
# the image starts it and probed by the image's HEALTHCHECK. test/docker.test.ts checks that the
# Dockerfile still has these steps. Takes a few minutes: better-sqlite3 compiles from source.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
server=''
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }

step 'build stage: COPY package.json package-lock.json; RUN npm ci'
mkdir -p "$work/build"
cp "$root/package.json" "$root/package-lock.json" "$work/build/"
(cd "$work/build" && npm ci --no-audit --no-fund)

step 'build stage: COPY tsconfig.json tsconfig.build.json src; RUN npm run build && npm prune --omit=dev'
cp "$root/tsconfig.json" "$root/tsconfig.build.json" "$work/build/"
cp -r "$root/src" "$work/build/src"
(cd "$work/build" && npm run build && npm prune --omit=dev --no-audit --no-fund)

step 'runtime stage: COPY --from=build package.json node_modules dist; COPY fixtures; mkdir data'
mkdir -p "$work/app/data"
cp "$work/build/package.json" "$work/app/"
cp -r "$work/build/node_modules" "$work/build/dist" "$work/app/"
cp -r "$root/fixtures" "$work/app/fixtures"
for dev in typescript tap @types/node; do
  if [ -e "$work/app/node_modules/$dev" ]; then echo "dev dependency $dev is in the runtime tree" >&2; exit 1; fi
done

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
step "runtime: ENTRYPOINT node dist/cli.js with the image's ENV (PORT=$port for this run)"
cd "$work/app"
env -i PATH="$PATH" HOME="$work" NODE_ENV=production HOST=0.0.0.0 PORT="$port" \
  INTERCOM_MOCK_DB="$work/app/data/intercom-mock.sqlite" INTERCOM_MOCK_FIXTURES="$work/app/fixtures/default.json" \
  node dist/cli.js > "$work/server.log" 2>&1 &
server=$!

step 'HEALTHCHECK: node dist/healthcheck.js'
healthy=no
for _ in $(seq 1 50); do
  if PORT="$port" node dist/healthcheck.js 2>/dev/null; then healthy=yes; break; fi
  sleep 0.2
done
if [ "$healthy" != yes ]; then cat "$work/server.log" >&2; echo 'the health check never passed' >&2; exit 1; fi

step 'the seed curl against the running image tree'
node -e "
fetch('http://127.0.0.1:$port/messages', { method: 'POST', headers: { authorization: 'Bearer docker', accept: 'application/json', 'content-type': 'application/json' },
  body: JSON.stringify({ from: { type: 'user', id: '536e564f316c83104c000020' }, body: 'Hey' }) })
  .then(async r => { const b = await r.json(); console.log(r.status, JSON.stringify(b)); if (r.status !== 200 || b.type !== 'user_message') process.exit(1) })"
test -s "$work/app/data/intercom-mock.sqlite" || { echo 'no database in the data volume' >&2; exit 1; }

step 'SIGTERM closes cleanly'
kill -TERM "$server"
wait "$server"
server=''
echo 'docker mirror: OK'
