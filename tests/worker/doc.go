// Package worker holds the end-to-end tests of the Cloudflare Worker
// (cmd/worker): they run it under wrangler dev on 127.0.0.1, offline, with
// local Workers KV persisted to a temporary folder, and talk to it over
// HTTP. kvproxy/ is a test-only Worker that exposes the KV store so that
// the store conformance suite (server/storetest) runs against real KV.
//
// Rules:
//   - The tests use what `make workertest` builds: $AIMATH_WORKER (the
//     built bin/worker), $AIMATH_KVPROXY (bin/kvproxy) and $AIMATH_WRANGLER
//     (node_modules/.bin/wrangler). Without $AIMATH_WORKER, as in a plain
//     `go test ./...`, they skip; without wrangler installed they skip
//     with a message saying so. make test always runs them.
//   - wrangler runs with metrics, the request.cf download and the update
//     check off, so no request leaves the machine.
//   - Timings are logged, never asserted.
package worker
