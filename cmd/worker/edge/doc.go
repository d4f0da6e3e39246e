// Package edge adapts the Cloudflare Workers runtime, as
// github.com/syumai/workers v0.32.0 presents it, to the server package: a
// Workers KV namespace as a server.Store and a rate-limit binding as a
// server.Limiter (KV and RateLimit, js/wasm only), and [Handler], which
// works around a stall in its response streams.
//
// Rules:
//   - syscall/js stays inside this package (and the syumai/workers one);
//     the API speaks Go types.
//   - A Worker instance serves one request and shares no memory with
//     others (syumai/workers starts a fresh Go instance per request), so
//     everything that must outlive a request lives in a binding.
//   - JS callbacks never block: each hands its result to a buffered
//     channel read by the goroutine serving the request.
//   - Every handler given to workers.Serve is wrapped in Handler.
package edge
