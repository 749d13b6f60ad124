#!/usr/bin/env bash
# Runs the Dockerfile's steps on this machine, which has no Docker engine: a clean install, the build,
# dev dependencies pruned, a runtime tree with only what the image copies, then the server started as
# the image starts it (an unprivileged user, the runtime stage's ENV with /app and /tmp moved under a
# scratch folder, a --port flag as `docker run intercom-mock --port N` passes it) and probed by the
# image's HEALTHCHECK. test/docker.test.ts checks that the Dockerfile still has these steps. Takes a
# few minutes: better-sqlite3 compiles from source. The Node version is this machine's, not the image's.
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

step 'build stage: COPY package.json package-lock.json; RUN npm ci --ignore-scripts && npm rebuild better-sqlite3'
mkdir -p "$work/build"
cp "$root/package.json" "$root/package-lock.json" "$work/build/"
(cd "$work/build" && npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3)

step 'build stage: COPY tsconfig.json tsconfig.build.json src scripts/build-ui.mjs scripts/bundle-cli.mjs; RUN npm run build && npm prune --omit=dev'
cp "$root/tsconfig.json" "$root/tsconfig.build.json" "$work/build/"
cp -r "$root/src" "$work/build/src"
mkdir -p "$work/build/scripts" && cp "$root/scripts/build-ui.mjs" "$root/scripts/bundle-cli.mjs" "$work/build/scripts/"
(cd "$work/build" && npm run build && npm prune --omit=dev --no-audit --no-fund)

step 'runtime stage: COPY --from=build package.json node_modules dist; COPY fixtures; mkdir data; chown the data folder'
mkdir -p "$work/app/data" "$work/tmp"
cp "$work/build/package.json" "$work/app/"
cp -r "$work/build/node_modules" "$work/build/dist" "$work/app/"
cp -r "$root/fixtures" "$work/app/fixtures"
for dev in typescript tap @types/node; do
  if [ -e "$work/app/node_modules/$dev" ]; then echo "dev dependency $dev is in the runtime tree" >&2; exit 1; fi
done

# The image runs as its `node` user, who owns only /app/data. Here: nobody, when this script runs as root;
# otherwise this (already unprivileged) user.
run_as=()
if [ "$(id -u)" = 0 ]; then
  chmod 755 "$work"
  chown nobody:nogroup "$work/app/data"
  chmod 1777 "$work/tmp"
  run_as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi

# The runtime stage's ENV, as the Dockerfile writes it, with its absolute paths moved under $work.
image_env=()
while read -r assignment; do
  image_env+=("$(printf '%s' "$assignment" | sed -E "s#^([A-Za-z_]+)=/(app|tmp)/#\\1=$work/\\2/#")")
done < <(node -e "
  const text = require('fs').readFileSync(process.argv[1], 'utf8').replace(/\\\\\n\s*/g, ' ')
  const runtime = text.slice(text.lastIndexOf('\nFROM '))
  for (const line of runtime.split('\n').filter(l => l.startsWith('ENV '))) for (const a of line.slice(4).trim().split(/\s+/)) console.log(a)
" "$root/Dockerfile")
printf '  %s\n' "${image_env[@]}"

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
step "runtime: ENTRYPOINT node dist/cli.js --port $port, as $(if [ ${#run_as[@]} -gt 0 ]; then echo nobody; else id -un; fi), with the image's ENV"
cd "$work/app"
env -i PATH="$PATH" HOME="$work" "${image_env[@]}" "${run_as[@]}" node dist/cli.js --port "$port" > "$work/server.log" 2>&1 &
server=$!

step 'HEALTHCHECK: node dist/healthcheck.js (the image ENV says PORT=8080; the server listens on --port)'
healthy=no
for _ in $(seq 1 50); do
  if env -i PATH="$PATH" "${image_env[@]}" "${run_as[@]}" node dist/healthcheck.js 2>/dev/null; then healthy=yes; break; fi
  sleep 0.2
done
if [ "$healthy" != yes ]; then cat "$work/server.log" >&2; echo 'the health check never passed' >&2; exit 1; fi

step 'the seed curl against the running image tree'
node -e "
fetch('http://127.0.0.1:$port/messages', { method: 'POST', headers: { authorization: 'Bearer docker', accept: 'application/json', 'content-type': 'application/json' },
  body: JSON.stringify({ from: { type: 'user', id: '536e564f316c83104c000020' }, body: 'Hey' }) })
  .then(async r => { const b = await r.json(); console.log(r.status, JSON.stringify(b)); if (r.status !== 200 || b.type !== 'user_message') process.exit(1) })"
test -s "$work/app/data/intercom-mock.sqlite" || { echo 'no database in the data volume' >&2; exit 1; }
if [ ${#run_as[@]} -gt 0 ] && [ "$(stat -c %U "$work/app/data/intercom-mock.sqlite")" != nobody ]; then
  echo 'the database was not written by the unprivileged user' >&2; exit 1
fi

step 'SIGTERM closes cleanly and removes the URL file'
kill -TERM "$server"
wait "$server"
server=''
if ls "$work/tmp"/* >/dev/null 2>&1; then echo "the URL file is still there: $(ls "$work/tmp")" >&2; exit 1; fi
echo 'docker mirror: OK'
