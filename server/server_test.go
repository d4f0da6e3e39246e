package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"io/fs"
	"log"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

var modTime = time.Date(2025, 3, 14, 15, 9, 26, 0, time.UTC)

// site is a small dist/ folder. The .br and .gz files hold marker bytes,
// not real compressed data: the handler passes variants through unread, so
// the marker shows which file was sent.
func site() fstest.MapFS {
	file := func(s string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(s), Mode: 0o644, ModTime: modTime}
	}
	return fstest.MapFS{
		"index.html":           file("<!doctype html><title>home</title>"),
		"game.html":            file("<!doctype html><title>game</title>"),
		"app.js":               file("console.log('identity')"),
		"app.js.br":            file("BR app.js"),
		"app.js.gz":            file("GZ app.js"),
		"sw.mjs":               file("export {}"),
		"style.css":            file("body{}"),
		"style.css.gz":         file("GZ style.css"),
		"i18n/en.json":         file(`{"hello":"hello"}`),
		"i18n/ko.json":         file(`{"hello":"안녕"}`),
		"main.wasm":            file("\x00asm\x01\x00\x00\x00"),
		"main.wasm.br":         file("BR main.wasm"),
		"icon.svg":             file("<svg/>"),
		"icon.png":             file("\x89PNG"),
		"favicon.ico":          file("\x00\x00\x01\x00"),
		"robots.txt":           file("User-agent: *"),
		"manifest.webmanifest": file(`{"name":"AI Math"}`),
		"LICENSE":              file("MIT"),
		"lessons/index.html":   file("<!doctype html><title>lessons</title>"),
		"lessons/gd.html":      file("<!doctype html><title>gd</title>"),
	}
}

type response struct {
	code   int
	header http.Header
	body   string
}

// do sends one request to h; hdr holds request headers as name, value pairs.
func do(t *testing.T, h http.Handler, method, target string, hdr ...string) response {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	res := w.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{code: res.StatusCode, header: res.Header, body: string(body)}
}

func newHandler(root fs.FS) http.Handler {
	return New(Options{Root: root})
}

func sha256ETag(s string) string {
	sum := sha256.Sum256([]byte(s))
	return `"` + base64.RawURLEncoding.EncodeToString(sum[:]) + `"`
}

func TestFiles(t *testing.T) {
	fsys := site()
	h := newHandler(fsys)
	for i, tc := range []struct {
		target, file, ctype string
	}{
		{"/", "index.html", "text/html; charset=utf-8"},
		{"/index.html", "index.html", "text/html; charset=utf-8"},
		{"/game.html", "game.html", "text/html; charset=utf-8"},
		{"/app.js", "app.js", "text/javascript; charset=utf-8"},
		{"/sw.mjs", "sw.mjs", "text/javascript; charset=utf-8"},
		{"/style.css", "style.css", "text/css; charset=utf-8"},
		{"/i18n/ko.json", "i18n/ko.json", "application/json; charset=utf-8"},
		{"/main.wasm", "main.wasm", "application/wasm"},
		{"/icon.svg", "icon.svg", "image/svg+xml; charset=utf-8"},
		{"/icon.png", "icon.png", "image/png"},
		{"/favicon.ico", "favicon.ico", "image/vnd.microsoft.icon"},
		{"/robots.txt", "robots.txt", "text/plain; charset=utf-8"},
		{"/manifest.webmanifest", "manifest.webmanifest", "application/manifest+json; charset=utf-8"},
		{"/LICENSE", "LICENSE", "application/octet-stream"},
		{"/lessons/", "lessons/index.html", "text/html; charset=utf-8"},
		{"/lessons/gd.html", "lessons/gd.html", "text/html; charset=utf-8"},
		{"/robots.txt?v=2", "robots.txt", "text/plain; charset=utf-8"},
	} {
		want := string(fsys[tc.file].Data)
		res := do(t, h, http.MethodGet, tc.target)
		if res.code != http.StatusOK || res.body != want {
			t.Errorf("%d: GET %s = %d %q, want 200 %q", i, tc.target, res.code, res.body, want)
		}
		for _, kv := range [][2]string{
			{"Content-Type", tc.ctype},
			{"Cache-Control", "no-cache"},
			{"ETag", sha256ETag(want)},
			{"Last-Modified", modTime.Format(http.TimeFormat)},
			{"Content-Encoding", ""},
		} {
			if got := res.header.Get(kv[0]); got != kv[1] {
				t.Errorf("%d: GET %s: %s = %q, want %q", i, tc.target, kv[0], got, kv[1])
			}
		}

		head := do(t, h, http.MethodHead, tc.target)
		if head.code != http.StatusOK || head.body != "" {
			t.Errorf("%d: HEAD %s = %d %q, want 200 with no body", i, tc.target, head.code, head.body)
		}
		for _, k := range []string{"Content-Type", "Content-Length", "ETag", "Cache-Control"} {
			if got, want := head.header.Get(k), res.header.Get(k); got != want {
				t.Errorf("%d: HEAD %s: %s = %q, want %q as for GET", i, tc.target, k, got, want)
			}
		}
	}
}

func TestEncoding(t *testing.T) {
	h := newHandler(site())
	for i, tc := range []struct {
		target, accept string
		encoding, body string // "" encoding: identity
		vary           bool
	}{
		{"/app.js", "", "", "console.log('identity')", true},
		{"/app.js", "gzip, deflate, br, zstd", "br", "BR app.js", true},
		{"/app.js", "br", "br", "BR app.js", true},
		{"/app.js", "gzip", "gzip", "GZ app.js", true},
		{"/app.js", "x-gzip", "gzip", "GZ app.js", true},
		{"/app.js", "GZip", "gzip", "GZ app.js", true},
		{"/app.js", "deflate", "", "console.log('identity')", true},
		{"/app.js", "identity", "", "console.log('identity')", true},
		{"/app.js", "br;q=0, gzip", "gzip", "GZ app.js", true},
		{"/app.js", "br; q=0.0, gzip;q=0.5", "gzip", "GZ app.js", true},
		{"/app.js", "br;q=0, gzip;q=0", "", "console.log('identity')", true},
		{"/app.js", "gzip;q=1, br;q=0.5", "gzip", "GZ app.js", true},
		{"/app.js", "gzip;q=0.8, br;q=0.8", "br", "BR app.js", true},
		{"/app.js", "*", "br", "BR app.js", true},
		{"/app.js", "*;q=0", "", "console.log('identity')", true},
		{"/app.js", "br;q=0, *", "gzip", "GZ app.js", true},
		{"/app.js", "gzip;q=0.2, *;q=0.9", "br", "BR app.js", true},
		{"/app.js", "br;q=2, gzip", "gzip", "GZ app.js", true},   // q out of range: member ignored
		{"/app.js", "br;q=abc, gzip", "gzip", "GZ app.js", true}, // malformed q: member ignored
		{"/app.js", "br;q=NaN", "", "console.log('identity')", true},
		{"/app.js", " , ;q=1, br ,", "br", "BR app.js", true},
		{"/style.css", "br, gzip", "gzip", "GZ style.css", true},
		{"/style.css", "br", "", "body{}", true},
		{"/main.wasm", "gzip, br", "br", "BR main.wasm", true},
		{"/main.wasm", "gzip", "", "\x00asm\x01\x00\x00\x00", true},
		{"/index.html", "br, gzip", "", "<!doctype html><title>home</title>", false},
	} {
		res := do(t, h, http.MethodGet, tc.target, "Accept-Encoding", tc.accept)
		if res.code != http.StatusOK || res.body != tc.body {
			t.Errorf("%d: GET %s (Accept-Encoding: %s) = %d %q, want 200 %q", i, tc.target, tc.accept, res.code, res.body, tc.body)
		}
		if got := res.header.Get("Content-Encoding"); got != tc.encoding {
			t.Errorf("%d: GET %s (Accept-Encoding: %s): Content-Encoding = %q, want %q", i, tc.target, tc.accept, got, tc.encoding)
		}
		if got, want := res.header.Get("Content-Type"), contentType(tc.target); got != want {
			t.Errorf("%d: GET %s (Accept-Encoding: %s): Content-Type = %q, want %q", i, tc.target, tc.accept, got, want)
		}
		if got, want := res.header.Get("Content-Length"), strconv.Itoa(len(tc.body)); got != want {
			t.Errorf("%d: GET %s (Accept-Encoding: %s): Content-Length = %q, want %s", i, tc.target, tc.accept, got, want)
		}
		if head := do(t, h, http.MethodHead, tc.target, "Accept-Encoding", tc.accept); head.header.Get("Content-Length") != strconv.Itoa(len(tc.body)) ||
			head.header.Get("Content-Encoding") != tc.encoding || head.body != "" {
			t.Errorf("%d: HEAD %s (Accept-Encoding: %s) = Content-Length %q, Content-Encoding %q, body %q; want %d, %q, no body",
				i, tc.target, tc.accept, head.header.Get("Content-Length"), head.header.Get("Content-Encoding"), head.body, len(tc.body), tc.encoding)
		}
		if got := res.header.Get("ETag"); got != sha256ETag(tc.body) {
			t.Errorf("%d: GET %s (Accept-Encoding: %s): ETag = %s, want %s", i, tc.target, tc.accept, got, sha256ETag(tc.body))
		}
		if got := res.header.Values("Vary"); tc.vary != (len(got) == 1 && got[0] == "Accept-Encoding") || !tc.vary && len(got) != 0 {
			t.Errorf("%d: GET %s (Accept-Encoding: %s): Vary = %q, want Accept-Encoding: %t", i, tc.target, tc.accept, got, tc.vary)
		}
	}
}

func TestParseAcceptEncoding(t *testing.T) {
	for i, tc := range []struct {
		in   []string
		want acceptEncoding
	}{
		{nil, acceptEncoding{}},
		{[]string{""}, acceptEncoding{}},
		{[]string{"gzip, deflate, br"}, acceptEncoding{"gzip": 1, "deflate": 1, "br": 1}},
		{[]string{"br;q=0.5", "gzip;q=0.25"}, acceptEncoding{"br": 0.5, "gzip": 0.25}},
		{[]string{"BR ; Q = 0.001 ;foo=bar"}, acceptEncoding{"br": 0.001}},
		{[]string{"br;q=0", "br;q=1"}, acceptEncoding{"br": 0}},
		{[]string{"x-gzip;q=0.3, *;q=0"}, acceptEncoding{"gzip": 0.3, "*": 0}},
		{[]string{"br;q=-0.1, gzip;q=1.5, zstd;q=inf, deflate;q="}, acceptEncoding{}},
	} {
		got := parseAcceptEncoding(tc.in)
		if len(got) != len(tc.want) {
			t.Errorf("%d: parseAcceptEncoding(%q) = %v, want %v", i, tc.in, got, tc.want)
			continue
		}
		for k, q := range tc.want {
			if gq, ok := got[k]; !ok || gq != q {
				t.Errorf("%d: parseAcceptEncoding(%q) = %v, want %v", i, tc.in, got, tc.want)
				break
			}
		}
	}
}

func TestConditional(t *testing.T) {
	h := newHandler(site())
	etags := map[string]string{}
	for _, accept := range []string{"", "gzip", "br"} {
		res := do(t, h, http.MethodGet, "/app.js", "Accept-Encoding", accept)
		etags[accept] = res.header.Get("ETag")
	}
	if etags[""] == etags["gzip"] || etags[""] == etags["br"] || etags["gzip"] == etags["br"] {
		t.Fatalf("ETags by encoding = %q, want all different", etags)
	}
	for i, tc := range []struct {
		accept string
		hdr    []string
		code   int
	}{
		{"", []string{"If-None-Match", etags[""]}, http.StatusNotModified},
		{"br", []string{"If-None-Match", etags["br"]}, http.StatusNotModified},
		{"gzip", []string{"If-None-Match", etags["gzip"]}, http.StatusNotModified},
		{"br", []string{"If-None-Match", `"old", ` + etags["br"]}, http.StatusNotModified},
		{"br", []string{"If-None-Match", "*"}, http.StatusNotModified},
		// The identity ETag does not validate the brotli body, and back.
		{"br", []string{"If-None-Match", etags[""]}, http.StatusOK},
		{"", []string{"If-None-Match", etags["br"]}, http.StatusOK},
		{"", []string{"If-None-Match", `"stale"`}, http.StatusOK},
		{"", []string{"If-Modified-Since", modTime.Format(http.TimeFormat)}, http.StatusNotModified},
		{"", []string{"If-Modified-Since", modTime.Add(-time.Second).Format(http.TimeFormat)}, http.StatusOK},
		{"", []string{"If-Match", `"stale"`}, http.StatusPreconditionFailed},
	} {
		hdr := append([]string{"Accept-Encoding", tc.accept}, tc.hdr...)
		res := do(t, h, http.MethodGet, "/app.js", hdr...)
		if res.code != tc.code {
			t.Errorf("%d: GET /app.js %q = %d, want %d", i, hdr, res.code, tc.code)
		}
		if res.code == http.StatusNotModified {
			if res.body != "" || res.header.Get("ETag") == "" || res.header.Get("Content-Encoding") != "" || res.header.Get("Content-Length") != "" {
				t.Errorf("%d: GET /app.js %q = 304 with body %q, ETag %q, Content-Encoding %q, Content-Length %q; want no body, an ETag, no Content-Encoding or Content-Length",
					i, hdr, res.body, res.header.Get("ETag"), res.header.Get("Content-Encoding"), res.header.Get("Content-Length"))
			}
			if got := res.header.Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("%d: GET /app.js %q: 304 Vary = %q, want Accept-Encoding", i, hdr, got)
			}
		}
	}
}

func TestRange(t *testing.T) {
	h := newHandler(site())
	for i, tc := range []struct {
		accept, rng string
		code        int
		body, cr    string
	}{
		{"", "bytes=0-6", http.StatusPartialContent, "console", "bytes 0-6/23"},
		{"", "bytes=-10", http.StatusPartialContent, "identity')", "bytes 13-22/23"},
		{"br", "bytes=3-", http.StatusPartialContent, "app.js", "bytes 3-8/9"},
		{"gzip", "bytes=0-1", http.StatusPartialContent, "GZ", "bytes 0-1/9"},
		{"", "bytes=100-", http.StatusRequestedRangeNotSatisfiable, "", "bytes */23"},
	} {
		res := do(t, h, http.MethodGet, "/app.js", "Accept-Encoding", tc.accept, "Range", tc.rng)
		if res.code != tc.code || res.header.Get("Content-Range") != tc.cr {
			t.Errorf("%d: GET /app.js (Accept-Encoding: %s, Range: %s) = %d Content-Range %q, want %d %q",
				i, tc.accept, tc.rng, res.code, res.header.Get("Content-Range"), tc.code, tc.cr)
		}
		if tc.code == http.StatusPartialContent && (res.body != tc.body || res.header.Get("Content-Length") != strconv.Itoa(len(tc.body))) {
			t.Errorf("%d: GET /app.js (Accept-Encoding: %s, Range: %s) = %q Content-Length %s, want %q Content-Length %d",
				i, tc.accept, tc.rng, res.body, res.header.Get("Content-Length"), tc.body, len(tc.body))
		}
		if tc.code != http.StatusPartialContent && res.header.Get("Content-Encoding") != "" {
			t.Errorf("%d: GET /app.js (Accept-Encoding: %s, Range: %s) error has Content-Encoding %q, want none",
				i, tc.accept, tc.rng, res.header.Get("Content-Encoding"))
		}
	}

	// If-Range with a stale ETag sends the whole file.
	res := do(t, h, http.MethodGet, "/app.js", "Range", "bytes=0-6", "If-Range", `"stale"`)
	if res.code != http.StatusOK || res.body != "console.log('identity')" {
		t.Errorf("GET /app.js (Range, stale If-Range) = %d %q, want 200 with the whole file", res.code, res.body)
	}
}

func TestErrors(t *testing.T) {
	h := newHandler(site())
	for i, tc := range []struct {
		method, target string
		code           int
	}{
		{http.MethodGet, "/missing.html", http.StatusNotFound},
		{http.MethodHead, "/missing.html", http.StatusNotFound},
		{http.MethodGet, "/missing/", http.StatusNotFound},
		{http.MethodGet, "/i18n/", http.StatusNotFound}, // no index.html, no listing
		{http.MethodGet, "/i18n", http.StatusNotFound},
		{http.MethodGet, "/app.js.br", http.StatusNotFound},
		{http.MethodGet, "/app.js.gz", http.StatusNotFound},
		{http.MethodGet, "/app.js.BR", http.StatusNotFound},
		{http.MethodGet, "/main.wasm.br", http.StatusNotFound},
		{http.MethodGet, "/index.html/", http.StatusNotFound},
		{http.MethodGet, "/app.js/x", http.StatusNotFound},
		{http.MethodPost, "/", http.StatusMethodNotAllowed},
		{http.MethodPut, "/app.js", http.StatusMethodNotAllowed},
		{http.MethodDelete, "/app.js", http.StatusMethodNotAllowed},
		{http.MethodOptions, "/", http.StatusMethodNotAllowed},
		{http.MethodPost, "/missing", http.StatusMethodNotAllowed},
	} {
		res := do(t, h, tc.method, tc.target, "Accept-Encoding", "br, gzip")
		if res.code != tc.code {
			t.Errorf("%d: %s %s = %d, want %d", i, tc.method, tc.target, res.code, tc.code)
		}
		if got := res.header.Get("Content-Type"); got != "text/plain; charset=utf-8" {
			t.Errorf("%d: %s %s: Content-Type = %q, want text/plain; charset=utf-8", i, tc.method, tc.target, got)
		}
		for _, k := range []string{"Content-Encoding", "ETag", "Cache-Control"} {
			if got := res.header.Get(k); got != "" {
				t.Errorf("%d: %s %s: %s = %q, want none", i, tc.method, tc.target, k, got)
			}
		}
		wantAllow := ""
		if tc.code == http.StatusMethodNotAllowed {
			wantAllow = "GET, HEAD"
		}
		if got := res.header.Get("Allow"); got != wantAllow {
			t.Errorf("%d: %s %s: Allow = %q, want %q", i, tc.method, tc.target, got, wantAllow)
		}
		if tc.method != http.MethodHead && (len(res.body) > 100 || !strings.HasPrefix(res.body, strconv.Itoa(tc.code)+" ")) {
			t.Errorf("%d: %s %s: body = %q, want a short message with the status", i, tc.method, tc.target, res.body)
		}
	}
}

func TestDirectoryRedirect(t *testing.T) {
	h := newHandler(site())
	for i, tc := range []struct {
		target, location string
	}{
		{"/lessons", "/lessons/"},
		{"/lessons?lang=ko", "/lessons/?lang=ko"},
	} {
		res := do(t, h, http.MethodGet, tc.target)
		if res.code != http.StatusMovedPermanently || res.header.Get("Location") != tc.location {
			t.Errorf("%d: GET %s = %d Location %q, want 301 %q", i, tc.target, res.code, res.header.Get("Location"), tc.location)
		}
	}
}

// TestTraversal asks for a file beside Root in every spelling of ".." that
// reaches the handler. Root is the "site" subdirectory, so secret.txt exists
// one level up.
func TestTraversal(t *testing.T) {
	parent := fstest.MapFS{
		"secret.txt":      {Data: []byte("TOP SECRET")},
		"site/index.html": {Data: []byte("home")},
		"site/a/b.txt":    {Data: []byte("b")},
	}
	root, err := fs.Sub(parent, "site")
	if err != nil {
		t.Fatal(err)
	}
	h := newHandler(root)
	for i, tc := range []string{
		"/../secret.txt",
		"/a/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/secret.txt",
		"/..%2fsecret.txt",
		"/%2e%2e%2fsecret.txt",
		"/a/%2e%2e/%2e%2e/secret.txt",
		"/..%5csecret.txt",
		"/%2e%2e%5csecret.txt",
		`/..\secret.txt`,
		"/a%5c..%5c..%5csecret.txt",
		"/%00",
		"/index.html%00.txt",
		"/a/./b.txt",
		"/a//b.txt",
		"//secret.txt",
		"/./",
		"/../",
	} {
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			res := do(t, h, method, tc)
			if res.code != http.StatusBadRequest && res.code != http.StatusNotFound {
				t.Errorf("%d: %s %s = %d, want 400 or 404", i, method, tc, res.code)
			}
			if strings.Contains(res.body, "SECRET") {
				t.Errorf("%d: %s %s body = %q, want no secret", i, method, tc, res.body)
			}
		}
	}
}

func TestFileName(t *testing.T) {
	for i, tc := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"", "index.html", true},
		{"/", "index.html", true},
		{"/a.js", "a.js", true},
		{"/a/", "a/index.html", true},
		{"/a/b.css", "a/b.css", true},
		{"a.js", "", false},
		{"/../a", "", false},
		{"/a/../b", "", false},
		{"/./a", "", false},
		{"/a//b", "", false},
		{"//", "", false},
		{`/a\b`, "", false},
		{"/a\x00", "", false},
	} {
		got, ok := fileName(tc.in)
		if ok != tc.ok || ok && got != tc.want {
			t.Errorf("%d: fileName(%q) = %q, %t, want %q, %t", i, tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	h := newHandler(site())
	want := map[string]string{
		"Content-Security-Policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
			"img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; frame-src 'self'; " +
			"object-src 'none'; base-uri 'self'; form-action 'self'",
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "strict-origin-when-cross-origin",
	}
	etag := do(t, h, http.MethodGet, "/").header.Get("ETag")
	for i, tc := range []struct {
		method, target string
		hdr            []string
		code           int
	}{
		{http.MethodGet, "/", nil, http.StatusOK},
		{http.MethodHead, "/app.js", []string{"Accept-Encoding", "br"}, http.StatusOK},
		{http.MethodGet, "/", []string{"If-None-Match", etag}, http.StatusNotModified},
		{http.MethodGet, "/app.js", []string{"Range", "bytes=0-0"}, http.StatusPartialContent},
		{http.MethodGet, "/lessons", nil, http.StatusMovedPermanently},
		{http.MethodGet, "/%2e%2e/x", nil, http.StatusBadRequest},
		{http.MethodGet, "/missing", nil, http.StatusNotFound},
		{http.MethodPost, "/", nil, http.StatusMethodNotAllowed},
	} {
		res := do(t, h, tc.method, tc.target, tc.hdr...)
		if res.code != tc.code {
			t.Errorf("%d: %s %s = %d, want %d", i, tc.method, tc.target, res.code, tc.code)
		}
		for k, v := range want {
			if got := res.header.Get(k); got != v {
				t.Errorf("%d: %s %s: %s = %q, want %q", i, tc.method, tc.target, k, got, v)
			}
		}
		if csp := res.header.Get("Content-Security-Policy"); strings.Contains(csp, "frame-ancestors") {
			t.Errorf("%d: %s %s: CSP %q restricts framing, want lessons embeddable", i, tc.method, tc.target, csp)
		}
	}
}

// TestETagCache checks that a rebuilt file (new modification time and size)
// gets a new ETag although the old one is cached.
func TestETagCache(t *testing.T) {
	fsys := site()
	h := newHandler(fsys)
	before := do(t, h, http.MethodGet, "/app.js").header.Get("ETag")
	if again := do(t, h, http.MethodGet, "/app.js").header.Get("ETag"); again != before {
		t.Fatalf("second GET /app.js: ETag = %s, want %s as before", again, before)
	}
	fsys["app.js"] = &fstest.MapFile{Data: []byte("console.log('rebuilt')"), ModTime: modTime.Add(time.Hour)}
	res := do(t, h, http.MethodGet, "/app.js", "If-None-Match", before)
	if want := sha256ETag("console.log('rebuilt')"); res.code != http.StatusOK || res.header.Get("ETag") != want {
		t.Errorf("GET /app.js after rebuild (If-None-Match: old) = %d ETag %s, want 200 %s", res.code, res.header.Get("ETag"), want)
	}
}

// unseekableFS hides Seek, as an fs.FS is free to.
type unseekableFS struct{ fs.FS }

type unseekableFile struct{ f fs.File }

func (f unseekableFile) Stat() (fs.FileInfo, error) { return f.f.Stat() }
func (f unseekableFile) Read(p []byte) (int, error) { return f.f.Read(p) }
func (f unseekableFile) Close() error               { return f.f.Close() }

func (u unseekableFS) Open(name string) (fs.File, error) {
	f, err := u.FS.Open(name)
	if err != nil {
		return nil, err
	}
	return unseekableFile{f}, nil
}

func TestUnseekable(t *testing.T) {
	h := newHandler(unseekableFS{site()})
	res := do(t, h, http.MethodGet, "/app.js", "Accept-Encoding", "br", "Range", "bytes=3-")
	if res.code != http.StatusPartialContent || res.body != "app.js" || res.header.Get("ETag") != sha256ETag("BR app.js") {
		t.Errorf("GET /app.js (br, Range: bytes=3-) = %d %q ETag %s, want 206 %q %s",
			res.code, res.body, res.header.Get("ETag"), "app.js", sha256ETag("BR app.js"))
	}
}

// panicFS panics on every Open, standing in for a faulty file system.
type panicFS struct{}

func (panicFS) Open(string) (fs.File, error) { panic("disk on fire") }

func TestPanicBecomes500(t *testing.T) {
	var logged bytes.Buffer
	h := New(Options{Root: panicFS{}, ErrorLog: log.New(&logged, "", 0)})
	res := do(t, h, http.MethodGet, "/")
	if res.code != http.StatusInternalServerError {
		t.Errorf("GET / on a panicking FS = %d, want 500", res.code)
	}
	if res.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("GET / on a panicking FS: security headers missing: %v", res.header)
	}
	if !strings.Contains(logged.String(), "disk on fire") {
		t.Errorf("GET / on a panicking FS logged %q, want the panic value", logged.String())
	}
}

func TestNewNilRoot(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("New(Options{}) did not panic, want a panic for the missing Root")
		}
	}()
	New(Options{})
}
