//go:build js && wasm

// Command worker is the playground's server on Cloudflare Workers: the same
// http.Handler as cmd/serve (package server), served with
// github.com/syumai/workers, with share links in Workers KV.
//
// wrangler.jsonc at the repository root describes the deployment: the
// built site (dist/ without its .br/.gz files, plus cmd/worker/_headers)
// as static assets, which Cloudflare serves without running this program;
// this program answers the rest (/api/share, /s/ID, /oembed, and 404s).
// Bindings:
//
//	SHARES       KV namespace holding the shares
//	SHARE_LIMIT  rate limit for POST /api/share (20 per 60 s per client)
//
// `make worker` builds it into bin/worker/ and `make worker-dev` runs it
// locally with wrangler dev, offline.
//
// Each request runs a fresh Go instance, so the binary is kept small: it
// must not import ebiten or visual/ (make check enforces it).
package main

import (
	"io/fs"
	"log"
	"time"

	"github.com/aimath/playground/cmd/worker/edge"
	"github.com/aimath/playground/lesson/catalog"
	"github.com/aimath/playground/server"
	"github.com/syumai/workers"
)

// noFiles is the handler's Root: every static file is a Workers asset,
// so a path that reaches the program is a 404.
type noFiles struct{}

func (noFiles) Open(string) (fs.File, error) { return nil, fs.ErrNotExist }

// limitPeriod is SHARE_LIMIT's period in wrangler.jsonc.
const limitPeriod = 60 * time.Second

func main() {
	opts := server.Options{Root: noFiles{}, Lessons: catalog.Lessons}
	store, err := edge.NewKV("SHARES")
	if err == nil {
		opts.Store = store
		opts.Limiter, err = edge.NewRateLimit("SHARE_LIMIT", limitPeriod)
	}
	if err != nil {
		// Static pages and oEmbed still work; sharing answers 404.
		log.Printf("worker: %v: sharing is off", err)
		opts.Store, opts.Limiter = nil, nil
	}
	workers.Serve(edge.Handler(server.New(opts)))
}
