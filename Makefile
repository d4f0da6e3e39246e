# AI Math Playground. `make run` builds and serves it; `make test` checks it.
# Needs Go (see go.mod) and, for the browser and Worker tests, Node.js with
# npm and Debian's Chromium at /usr/bin/chromium.

PORT     ?= 8080
GOROOT   := $(shell go env GOROOT)
WASMEXEC := $(GOROOT)/lib/wasm/go_js_wasm_exec
VERSION  := $(shell git describe --always --dirty 2>/dev/null || date -u +%Y%m%d%H%M%S)
CHROMIUM ?= /usr/bin/chromium
WASM_ENV := GOOS=js GOARCH=wasm
WORKER_PORT ?= 8787
WRANGLER := node_modules/.bin/wrangler
# wrangler offline: no usage metrics, no download of request.cf data, no
# banner (whose update check asks the npm registry).
WRANGLER_ENV := WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_HIDE_BANNER=true

# Packages that run under Node: everything except those importing ebiten.
NODE_PKGS = $$($(WASM_ENV) go list ./... | grep -v -e '/visual$$' -e '/wasm$$')

# One line per non-standard package: its path and its direct imports.
NONSTD_IMPORTS = {{if not .Standard}}{{.ImportPath}}: {{join .Imports " "}}{{end}}

.PHONY: run dist wasm test check gotest wasmtest browsertest workertest worker worker-dev bench clean

run: dist bin/serve
	./bin/serve -addr 127.0.0.1:$(PORT) -dir dist

bin/serve: FORCE
	go build -o bin/serve ./cmd/serve

bin/precompress: FORCE
	go build -o bin/precompress ./cmd/precompress

FORCE:

# The static site: copy it to any static host, or serve it with bin/serve.
dist: bin/precompress
	rm -rf dist
	mkdir -p dist
	cp -R web/. dist/
	cp "$(GOROOT)/lib/wasm/wasm_exec.js" dist/wasm_exec.js
	$(WASM_ENV) go build -trimpath -ldflags="-s -w" -o dist/aimath.wasm ./wasm
	printf '{"version":"%s","wasmBytes":%s}\n' "$(VERSION)" "$$(wc -c < dist/aimath.wasm | tr -d ' ')" > dist/build.json
	./bin/precompress dist

test: check gotest wasmtest browsertest workertest

# staticcheck is a tool dependency in go.mod; built natively so that it can
# also analyse the js/wasm build.
bin/staticcheck: go.mod go.sum
	go build -o bin/staticcheck honnef.co/go/tools/cmd/staticcheck

check: bin/staticcheck
	@out=$$(gofmt -l $$(git ls-files -co --exclude-standard '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	go vet ./...
	$(WASM_ENV) go vet ./...
	bin/staticcheck ./...
	$(WASM_ENV) bin/staticcheck ./...
	@# Under js/wasm the standard library's os itself imports syscall/js, so
	@# the rule is checked on the non-standard packages among the deps.
	@bad=$$($(WASM_ENV) go list -deps -f '$(NONSTD_IMPORTS)' ./core/... ./lesson/... | grep -E 'hajimehoshi/ebiten|syscall/js' || true); \
	  if [ -n "$$bad" ]; then echo "core/ and lesson/ must not depend on ebiten or syscall/js:"; echo "$$bad"; exit 1; fi
	@bad=$$( { go list -deps -f '$(NONSTD_IMPORTS)' ./server/... ./cmd/serve/...; \
	  $(WASM_ENV) go list -deps -f '$(NONSTD_IMPORTS)' ./server/... ./cmd/worker/...; } | grep -E 'hajimehoshi/ebiten|/visual( |$$)' || true); \
	  if [ -n "$$bad" ]; then echo "server/, cmd/serve and cmd/worker must not depend on ebiten or visual/:"; echo "$$bad"; exit 1; fi
	@bad=$$($(WASM_ENV) go list -deps -f '$(NONSTD_IMPORTS)' ./server/... | grep -E 'syscall/js|syumai/workers' || true); \
	  if [ -n "$$bad" ]; then echo "server/ must not depend on syscall/js or the Workers runtime (cmd/worker adapts them):"; echo "$$bad"; exit 1; fi
	@echo "check: ok"

gotest:
	go test ./...

wasmtest:
	$(WASM_ENV) go test -exec="$(WASMEXEC)" $(NODE_PKGS)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

browsertest: dist bin/serve node_modules/.package-lock.json
	@test -x "$(CHROMIUM)" || { echo "Chromium is missing at $(CHROMIUM): install Debian's chromium (sudo apt-get install chromium)"; exit 1; }
	AIMATH_SERVE=bin/serve AIMATH_DIST=dist node --test --test-concurrency=1 tests/browser/

# The Cloudflare Worker (cmd/worker, wrangler.jsonc): its wasm and JS glue,
# and the static assets (dist/ without .br/.gz: Cloudflare compresses).
worker: dist
	rm -rf bin/worker
	go tool workers-assets-gen -mode=go -o bin/worker
	$(WASM_ENV) go build -trimpath -ldflags="-s -w" -o bin/worker/app.wasm ./cmd/worker
	mkdir -p bin/worker/site
	cp -R dist/. bin/worker/site/
	find bin/worker/site \( -name '*.br' -o -name '*.gz' \) -delete
	cp cmd/worker/_headers bin/worker/site/_headers
	@echo "worker: bin/worker/app.wasm $$(wc -c < bin/worker/app.wasm | tr -d ' ') bytes, $$(gzip -9c bin/worker/app.wasm | wc -c | tr -d ' ') gzipped"

# The Worker on http://127.0.0.1:$(WORKER_PORT)/ with local KV, offline.
worker-dev: worker node_modules/.package-lock.json
	$(WRANGLER_ENV) $(WRANGLER) dev --local --ip 127.0.0.1 --port $(WORKER_PORT) --persist-to .wrangler-state

# The Worker under wrangler dev: end-to-end requests, and the store
# conformance suite against Workers KV through tests/worker/kvproxy.
workertest: worker node_modules/.package-lock.json
	rm -rf bin/kvproxy
	go tool workers-assets-gen -mode=go -o bin/kvproxy
	$(WASM_ENV) go build -trimpath -ldflags="-s -w" -o bin/kvproxy/app.wasm ./tests/worker/kvproxy
	AIMATH_WORKER=bin/worker AIMATH_KVPROXY=bin/kvproxy AIMATH_WRANGLER=$(WRANGLER) go test -count=1 -v ./tests/worker/

bench: dist bin/serve node_modules/.package-lock.json
	go test -run '^$$' -bench . -benchmem ./core/... ./lesson/...
	$(WASM_ENV) go test -exec="$(WASMEXEC)" -run '^$$' -bench . -benchmem $$($(WASM_ENV) go list ./core/... ./lesson/...)
	node bench/conv-baseline.mjs
	AIMATH_SERVE=bin/serve AIMATH_DIST=dist node bench/browser-bench.mjs
	@out=$$(go test -count=1 -v -run '^TestLoopbackLoad$$' ./cmd/serve/) || { echo "$$out"; exit 1; }; \
	  echo "$$out" | grep -o 'load: .*'

clean:
	rm -rf dist bin test-results .wrangler
