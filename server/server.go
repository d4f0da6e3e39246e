package server

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net/http"
	"strconv"
	"strings"

	"github.com/aimath/playground/lesson"
)

// Options configures the handler returned by [New].
type Options struct {
	// Root is the built site (the dist/ folder). Required.
	Root fs.FS
	// Store backs share links. Nil turns sharing off: POST /api/share and
	// /s/ID answer 404.
	Store Store
	// Lessons are the lessons a share may hold; a state is validated with
	// the lesson's parameter schema, as the page does.
	Lessons []lesson.Info
	// Limiter rate-limits POST /api/share per client; nil means no limit.
	Limiter Limiter
	// ErrorLog receives internal errors and recovered panics; nil means the
	// log package's standard logger.
	ErrorLog *log.Logger
}

// Security headers sent on every response. The CSP allows exactly what the
// site needs: its own scripts plus WebAssembly compilation, data:/blob:
// images for exported figures, and same-origin frames for the game canvas.
// It deliberately has no frame-ancestors, so course pages can embed lessons.
var securityHeaders = [...][2]string{
	{"Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
		"style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; " +
		"frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "strict-origin-when-cross-origin"},
}

// SecurityHeaders returns the headers every response carries, for hosts
// that serve the site's files without this handler (the Worker's static
// assets get them from a _headers file that must match).
func SecurityHeaders() http.Header {
	h := make(http.Header, len(securityHeaders))
	for _, kv := range securityHeaders {
		h.Set(kv[0], kv[1])
	}
	return h
}

// New returns the site's HTTP handler. It panics if opts.Root is nil.
func New(opts Options) http.Handler {
	if opts.Root == nil {
		panic("server: nil Options.Root")
	}
	logger := opts.ErrorLog
	if logger == nil {
		logger = log.Default()
	}
	lessons := make(map[string]lesson.Info, len(opts.Lessons))
	for _, in := range opts.Lessons {
		lessons[in.ID] = in
	}
	return &handler{root: opts.Root, store: opts.Store, lessons: lessons, limiter: opts.Limiter, log: logger, etags: newETagCache()}
}

type handler struct {
	root    fs.FS
	store   Store
	lessons map[string]lesson.Info
	limiter Limiter
	log     *log.Logger
	etags   *etagCache
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, kv := range securityHeaders {
		w.Header().Set(kv[0], kv[1])
	}
	defer func() {
		if v := recover(); v != nil {
			h.log.Printf("server: panic serving %q: %v", r.URL.Path, v)
			respondError(w, http.StatusInternalServerError)
		}
	}()
	switch p := r.URL.Path; {
	case p == sharePath:
		h.share(w, r)
	case strings.HasPrefix(p, linkPrefix):
		h.openLink(w, r, p[len(linkPrefix):])
	case p == oembedPath:
		h.oembed(w, r)
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		w.Header().Set("Allow", "GET, HEAD")
		respondError(w, http.StatusMethodNotAllowed)
	default:
		h.serveFile(w, r)
	}
}

// serveFile answers a GET or HEAD for a static file.
func (h *handler) serveFile(w http.ResponseWriter, r *http.Request) {
	name, ok := fileName(r.URL.Path)
	if !ok {
		respondError(w, http.StatusBadRequest)
		return
	}
	if variantName(name) {
		respondError(w, http.StatusNotFound)
		return
	}
	f, err := h.root.Open(name)
	if err != nil {
		// Missing, a file used as a directory, or unreadable: all look the
		// same from outside.
		respondError(w, http.StatusNotFound)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if fi.IsDir() {
		h.redirectDir(w, r, name)
		return
	}
	if !fi.Mode().IsRegular() {
		respondError(w, http.StatusNotFound)
		return
	}

	hdr := w.Header()
	hdr.Set("Content-Type", contentType(name))
	hdr.Set("Cache-Control", "no-cache")
	served := name
	if c, ok := h.negotiate(w, r, name); ok {
		// A variant that vanished since negotiate saw it leaves the
		// identity file, which is still a correct answer.
		if vf, err := h.root.Open(name + c.suffix); err == nil {
			defer vf.Close()
			if vfi, err := vf.Stat(); err == nil && vfi.Mode().IsRegular() {
				f, fi, served = vf, vfi, name+c.suffix
				hdr.Set("Content-Encoding", c.name)
			}
		}
	}
	content, etag, err := h.content(served, f, fi)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	hdr.Set("ETag", etag)
	if hdr.Get("Content-Encoding") != "" {
		// ServeContent leaves Content-Length out when Content-Encoding is
		// set (it guards against writers that compress on the fly). Ours
		// is the size of the stored variant; ServeContent replaces it for
		// ranges and drops it from 304s and errors. Browsers need it to
		// show download progress for the wasm.
		hdr.Set("Content-Length", strconv.FormatInt(fi.Size(), 10))
	}
	http.ServeContent(w, r, served, fi.ModTime(), content)
}

// negotiate reports the precompressed variant of name to send, if any, and
// sets Vary when name has variants, whatever this client accepts, so caches
// keep the encodings apart.
func (h *handler) negotiate(w http.ResponseWriter, r *http.Request, name string) (coding, bool) {
	accept := parseAcceptEncoding(r.Header.Values("Accept-Encoding"))
	var (
		best  coding
		bestQ float64
		vary  bool
	)
	for _, c := range codings {
		fi, err := fs.Stat(h.root, name+c.suffix)
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		vary = true
		// Strictly greater: on equal q the earlier (smaller) coding wins.
		if q := accept.q(c.name); q > bestQ {
			best, bestQ = c, q
		}
	}
	if vary {
		w.Header().Add("Vary", "Accept-Encoding")
	}
	return best, bestQ > 0
}

// content returns f as the io.ReadSeeker ServeContent needs, and its ETag.
func (h *handler) content(name string, f fs.File, fi fs.FileInfo) (io.ReadSeeker, string, error) {
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		// Not every fs.FS hands out seekable files; hold this one in
		// memory (site files are at most a few megabytes).
		data, err := io.ReadAll(f)
		if err != nil {
			return nil, "", err
		}
		etag, err := hashETag(bytes.NewReader(data))
		return bytes.NewReader(data), etag, err
	}
	if etag, ok := h.etags.get(name, fi); ok {
		return rs, etag, nil
	}
	etag, err := hashETag(rs)
	if err != nil {
		return nil, "", err
	}
	if _, err := rs.Seek(0, io.SeekStart); err != nil {
		return nil, "", err
	}
	h.etags.put(name, fi, etag)
	return rs, etag, nil
}

// redirectDir sends a request for a directory without its trailing slash to
// the slashed path when that directory has an index.html, as
// http.FileServer does; relative links in that page then resolve inside it.
func (h *handler) redirectDir(w http.ResponseWriter, r *http.Request, dir string) {
	fi, err := fs.Stat(h.root, dir+"/index.html")
	if err != nil || !fi.Mode().IsRegular() {
		respondError(w, http.StatusNotFound)
		return
	}
	// dir is a valid fs path, so this never starts with "//" (which a
	// browser would read as another host).
	target := "/" + dir + "/"
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, target, http.StatusMovedPermanently)
}

func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	h.log.Printf("server: %q: %v", r.URL.Path, err)
	respondError(w, http.StatusInternalServerError)
}

// fileName maps a URL path to a name in Root. ok is false for anything that
// is not a plain relative path: "..", ".", empty elements, backslashes
// (a separator on Windows) and NUL.
func fileName(urlPath string) (name string, ok bool) {
	if urlPath == "" {
		urlPath = "/"
	}
	if urlPath[0] != '/' || strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	name = urlPath[1:]
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	return name, fs.ValidPath(name)
}

// variantName reports whether name is a precompressed variant, which is
// served only in place of its original. Case is ignored because some file
// systems (macOS, Windows) would open "a.js.BR" as "a.js.br".
func variantName(name string) bool {
	name = strings.ToLower(name)
	for _, c := range codings {
		if strings.HasSuffix(name, c.suffix) {
			return true
		}
	}
	return false
}

// respondError sends a short plain-text error. It drops the headers that
// described the file that was about to be sent.
func respondError(w http.ResponseWriter, code int) {
	hdr := w.Header()
	for _, k := range []string{"Cache-Control", "Content-Encoding", "ETag", "Last-Modified"} {
		hdr.Del(k)
	}
	http.Error(w, fmt.Sprintf("%d %s", code, strings.ToLower(http.StatusText(code))), code)
}
