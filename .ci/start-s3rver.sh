#!/usr/bin/env bash
# Starts s3rver (an S3-compatible test server, from npm) on a free loopback port in the background, with one empty
# bucket, for the S3 storage tests (tests/Avatars.Server.Tests/Storage/S3ObjectStoreTests.cs).
#
# Prints only `export NAME=value` lines on stdout (progress goes to stderr), so a caller does:
#   eval "$(bash .ci/start-s3rver.sh)"      # then run the tests; AVATAR_TEST_S3_* are set
#   kill "$AVATAR_TEST_S3_PID"              # when done (the data folder is $AVATAR_TEST_S3_DATA)
# Without node/npm, or when the install fails, it prints nothing and exits 0: the S3 tests then skip with a message.
#
# Environment (optional): S3RVER_CACHE (install folder, default ~/.cache/avatars-ci/s3rver), S3RVER_VERSION,
# S3RVER_BUCKET (default avatars-test).
set -uo pipefail

version="${S3RVER_VERSION:-3.7.1}"
cache="${S3RVER_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/avatars-ci/s3rver}"
bucket="${S3RVER_BUCKET:-avatars-test}"

log() { echo "start-s3rver: $*" >&2; }

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    log "installing nodejs and npm (Debian packages)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null) >&2 \
      || log "could not install nodejs/npm"
  fi
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  log "node/npm not available; the S3 tests will be skipped"
  exit 0
fi

bin="$cache/node_modules/.bin/s3rver"
if [ ! -x "$bin" ] || ! grep -q "\"version\": \"$version\"" "$cache/node_modules/s3rver/package.json" 2>/dev/null; then
  log "installing s3rver@$version into $cache"
  mkdir -p "$cache"
  if ! npm install --prefix "$cache" --no-audit --no-fund --loglevel=error "s3rver@$version" >&2; then
    log "npm install failed; the S3 tests will be skipped"
    exit 0
  fi
fi

port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})")
data=$(mktemp -d "${TMPDIR:-/tmp}/s3rver-data.XXXXXX")
log "starting s3rver on 127.0.0.1:$port (data $data, log $data.log)"
# setsid + redirections: the server outlives this script and does not hold the caller's stdout open.
setsid "$bin" --address 127.0.0.1 --port "$port" --directory "$data" --configure-bucket "$bucket" --silent \
  </dev/null >"$data.log" 2>&1 &
pid=$!

ready=0
for _ in $(seq 1 100); do
  if ! kill -0 "$pid" 2>/dev/null; then
    break
  fi
  if node -e "require('http').get('http://127.0.0.1:$port/$bucket',r=>process.exit(r.statusCode<500?0:1)).on('error',()=>process.exit(1))" 2>/dev/null; then
    ready=1
    break
  fi
  sleep 0.2
done
if [ "$ready" != "1" ]; then
  log "s3rver did not start; the S3 tests will be skipped"
  cat "$data.log" >&2 2>/dev/null
  kill "$pid" 2>/dev/null
  exit 0
fi

echo "export AVATAR_TEST_S3_ENDPOINT=http://127.0.0.1:$port"
echo "export AVATAR_TEST_S3_BUCKET=$bucket"
echo "export AVATAR_TEST_S3_ACCESS_KEY_ID=S3RVER"
echo "export AVATAR_TEST_S3_SECRET_ACCESS_KEY=S3RVER"
echo "export AVATAR_TEST_S3_REGION=us-east-1"
echo "export AVATAR_TEST_S3_PID=$pid"
echo "export AVATAR_TEST_S3_DATA=$data"
