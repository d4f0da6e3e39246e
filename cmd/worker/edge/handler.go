package edge

import "net/http"

// Handler returns h with zero-length writes dropped. In syumai/workers
// v0.32.0 each Write to the ResponseWriter is consumed by one pull of the
// response's ReadableStream; a pull that enqueues nothing is never followed
// by another (the Streams standard pulls again only on demand), so after an
// empty Write the body never ends, workerd cancels the request as hung and
// restarts the Worker, failing the requests in flight with 503. An empty
// Write carries nothing, so dropping it changes no response.
func Handler(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(skipEmpty{w}, r)
	})
}

type skipEmpty struct{ http.ResponseWriter }

func (w skipEmpty) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return w.ResponseWriter.Write(p)
}
