//go:build !js

// The package's js/wasm files import syumai/workers, whose package
// initialization needs the Workers runtime: this test runs natively only.

package edge

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// countWriter counts the Write calls that reach the runtime's writer.
type countWriter struct {
	*httptest.ResponseRecorder
	writes []int
}

func (w *countWriter) Write(p []byte) (int, error) {
	w.writes = append(w.writes, len(p))
	return w.ResponseRecorder.Write(p)
}

func TestHandler(t *testing.T) {
	h := Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Test", "1")
		w.WriteHeader(http.StatusTeapot)
		for _, s := range []string{"", "ab", "", "c", ""} {
			if n, err := io.WriteString(w, s); n != len(s) || err != nil {
				t.Errorf("Write(%q) = %d, %v, want %d, nil", s, n, err, len(s))
			}
		}
	}))
	w := &countWriter{ResponseRecorder: httptest.NewRecorder()}
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	if w.Code != http.StatusTeapot || w.Body.String() != "abc" || w.Header().Get("X-Test") != "1" {
		t.Errorf("response = %d %q X-Test %q, want 418 %q 1", w.Code, w.Body.String(), w.Header().Get("X-Test"), "abc")
	}
	if len(w.writes) != 2 || w.writes[0] != 2 || w.writes[1] != 1 {
		t.Errorf("writes reaching the runtime = %v, want [2 1]", w.writes)
	}
}
