//go:build js && wasm

// Command kvproxy is a Worker for tests only, never deployed: it exposes
// the Workers KV store of cmd/worker/edge over HTTP so that a native test
// can run the store conformance suite (server/storetest) against real KV
// under wrangler dev.
//
//	PUT /kv?key=KEY  (body: the value)  200, or 400 for an invalid key
//	GET /kv?key=KEY                     200 with the value, or 404
//
// Other failures are 500 with the error as text.
package main

import (
	"errors"
	"io"
	"net/http"

	"github.com/aimath/playground/cmd/worker/edge"
	"github.com/aimath/playground/server"
	"github.com/syumai/workers"
)

func main() {
	store, err := edge.NewKV("SHARES")
	workers.Serve(edge.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		if r.URL.Path != "/kv" {
			http.NotFound(w, r)
			return
		}
		key := r.URL.Query().Get("key")
		switch r.Method {
		case http.MethodPut:
			data, err := io.ReadAll(r.Body)
			if err == nil {
				err = store.Put(r.Context(), key, data)
			}
			switch {
			case errors.Is(err, server.ErrInvalidKey):
				http.Error(w, err.Error(), http.StatusBadRequest)
			case err != nil:
				http.Error(w, err.Error(), http.StatusInternalServerError)
			default:
				io.WriteString(w, "stored")
			}
		case http.MethodGet:
			data, err := store.Get(r.Context(), key)
			switch {
			case errors.Is(err, server.ErrNotFound):
				http.Error(w, err.Error(), http.StatusNotFound)
			case err != nil:
				http.Error(w, err.Error(), http.StatusInternalServerError)
			default:
				w.Header().Set("Content-Type", "application/octet-stream")
				w.Write(data)
			}
		default:
			w.Header().Set("Allow", "GET, PUT")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		}
	})))
}
