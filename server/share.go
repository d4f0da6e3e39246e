package server

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/param"
)

const (
	sharePath  = "/api/share"
	linkPrefix = "/s/"

	// maxShareBody bounds a POST /api/share body; maxState bounds the
	// state in it. The largest real state (a 28×28 drawing in the cnn
	// lesson) is under 2 KiB.
	maxShareBody = 16 << 10
	maxState     = 8 << 10

	// maxStateErrors bounds the problems listed in a 400 answer.
	maxStateErrors = 10
)

// Share ids are idLen characters of idAlphabet (Crockford's base 32 in
// lower case: no i, l, o or u to misread) drawn from crypto/rand: 65
// bits, so guessing a live id among a billion takes some 10^10 tries,
// and ids never differ only in case (they are file names on
// case-insensitive file systems too).
const (
	idAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"
	idLen      = 13
)

// newID returns a fresh share id.
func newID() string {
	var b [idLen]byte
	rand.Read(b[:]) // never fails (crypto/rand docs)
	for i := range b {
		// 256 is a multiple of 32, so every character is equally likely.
		b[i] = idAlphabet[b[i]%32]
	}
	return string(b[:])
}

// validID reports whether id has the form newID gives.
func validID(id string) bool {
	if len(id) != idLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		if strings.IndexByte(idAlphabet, id[i]) < 0 {
			return false
		}
	}
	return true
}

// shareRequest is the body of POST /api/share.
type shareRequest struct {
	Lesson string `json:"lesson"`
	State  string `json:"state"`
}

// shareResponse is the 201 answer to POST /api/share.
type shareResponse struct {
	ID     string `json:"id"`
	URL    string `json:"url"`
	Lesson string `json:"lesson"`
	State  string `json:"state"`
}

// errorResponse is every JSON error: a message for people and, for an
// invalid state, the problems found.
type errorResponse struct {
	Error   string   `json:"error"`
	Details []string `json:"details,omitempty"`
}

// share answers POST /api/share: it validates a lesson state with the
// lesson's schema, stores its canonical form under a new id and returns
// the id.
func (h *handler) share(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if h.store == nil {
		respondJSON(w, http.StatusNotFound, errorResponse{Error: "sharing is not enabled on this server"})
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		respondJSON(w, http.StatusMethodNotAllowed, errorResponse{Error: "use POST"})
		return
	}
	if h.limiter != nil {
		ok, retry, err := h.limiter.Allow(r.Context(), clientKey(r))
		if err != nil {
			h.log.Printf("server: rate limiter: %v", err)
			respondJSON(w, http.StatusServiceUnavailable, errorResponse{Error: "sharing is unavailable; try again later"})
			return
		}
		if !ok {
			w.Header().Set("Retry-After", strconv.Itoa(max(1, int(math.Ceil(retry.Seconds())))))
			respondJSON(w, http.StatusTooManyRequests, errorResponse{Error: "too many shares; try again later"})
			return
		}
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		// Requiring JSON also keeps other sites' pages from posting here
		// without a CORS preflight, which this server never grants.
		respondJSON(w, http.StatusUnsupportedMediaType, errorResponse{Error: "send the body as application/json"})
		return
	}
	req, err := decodeShare(http.MaxBytesReader(w, r.Body, maxShareBody))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			respondJSON(w, http.StatusRequestEntityTooLarge, errorResponse{Error: fmt.Sprintf("body larger than %d bytes", maxShareBody)})
			return
		}
		respondJSON(w, http.StatusBadRequest, errorResponse{Error: "body must be {\"lesson\": id, \"state\": query}: " + err.Error()})
		return
	}
	in, ok := h.lessons[req.Lesson]
	if !ok {
		respondJSON(w, http.StatusBadRequest, errorResponse{Error: fmt.Sprintf("unknown lesson %.*q", 40, req.Lesson)})
		return
	}
	if len(req.State) > maxState {
		respondJSON(w, http.StatusRequestEntityTooLarge, errorResponse{Error: fmt.Sprintf("state longer than %d bytes", maxState)})
		return
	}
	vals := param.New(in.Params)
	if errs := vals.Decode(req.State); len(errs) > 0 {
		details := make([]string, 0, min(len(errs), maxStateErrors))
		for _, e := range errs[:min(len(errs), maxStateErrors)] {
			details = append(details, e.Error())
		}
		respondJSON(w, http.StatusBadRequest, errorResponse{Error: "invalid state for lesson " + in.ID, Details: details})
		return
	}
	state := vals.Encode()
	id := newID()
	if err := h.store.Put(r.Context(), id, []byte(linkValue(in.ID, state))); err != nil {
		h.log.Printf("server: share: %v", err)
		respondJSON(w, http.StatusInternalServerError, errorResponse{Error: "could not store the share; try again later"})
		return
	}
	w.Header().Set("Location", linkPrefix+id)
	respondJSON(w, http.StatusCreated, shareResponse{ID: id, URL: linkPrefix + id, Lesson: in.ID, State: state})
}

// decodeShare reads exactly one JSON object with known fields.
func decodeShare(body io.Reader) (shareRequest, error) {
	var req shareRequest
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return req, err
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			err = errors.New("data after the object")
		}
		return req, err
	}
	return req, nil
}

// linkValue is what a share stores: the page's URL hash without the '#',
// "lesson=ID&STATE", with STATE canonical (param.Values.Encode).
func linkValue(lessonID, state string) string {
	v := "lesson=" + url.QueryEscape(lessonID)
	if state != "" {
		v += "&" + state
	}
	return v
}

// safeHash reports whether a stored value can go into a Location header as
// a URL fragment unchanged: Encode and QueryEscape produce only these
// bytes, so anything else is a damaged store.
func safeHash(v string) bool {
	if !strings.HasPrefix(v, "lesson=") {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.~%+=&", c) >= 0) {
			return false
		}
	}
	return true
}

// openLink answers GET /s/ID with a redirect to the page at the stored
// state. The query may carry the page's own options: embed=1 stays in the
// query, lang and hide join the state in the hash (where the page reads
// them).
func (h *handler) openLink(w http.ResponseWriter, r *http.Request, id string) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		respondError(w, http.StatusMethodNotAllowed)
		return
	}
	id = strings.ToLower(id)
	if h.store == nil || !validID(id) {
		respondLinkNotFound(w, r)
		return
	}
	data, err := h.store.Get(r.Context(), id)
	if errors.Is(err, ErrNotFound) {
		respondLinkNotFound(w, r)
		return
	}
	if err == nil && !safeHash(string(data)) {
		err = fmt.Errorf("stored value %.40q is not a page state", data)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	target := "/"
	if q.Get("embed") == "1" {
		target += "?embed=1"
	}
	target += "#" + string(data) + pageOptions(q.Get("lang"), q.Get("hide"))
	// Set by hand: http.Redirect would clean the path, fragment included.
	w.Header().Set("Location", target)
	// A share never changes, but a cached redirect would outlive a change
	// of the page's URL format, so caches keep it for an hour only.
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.WriteHeader(http.StatusFound)
}

// pageOptions returns "&lang=..&hide=.." for the values that are well
// formed (lang en or ko; hide a comma list of parameter names), "" for
// none. Names are not checked against the lesson: the page ignores
// unknown ones.
func pageOptions(lang, hide string) string {
	var b strings.Builder
	if lang == "en" || lang == "ko" {
		b.WriteString("&lang=" + lang)
	}
	if hide != "" && len(hide) <= 200 && strings.Trim(hide, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_,") == "" {
		b.WriteString("&hide=" + url.QueryEscape(hide))
	}
	return b.String()
}

// linkNotFoundPage is the answer for an unknown share id: both languages,
// no script or style (the CSP forbids inline ones), a link home.
const linkNotFoundPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Share link not found · 공유 링크를 찾을 수 없습니다</title>
</head>
<body>
<main>
<h1>Share link not found</h1>
<p>No saved state has this link. It may be mistyped or cut short: check it against the one you were sent.</p>
<p><a href="/">Open the AI Math Playground</a></p>
<hr>
<div lang="ko">
<h1>공유 링크를 찾을 수 없습니다</h1>
<p>이 링크로 저장된 상태가 없습니다. 주소가 잘못 입력되었거나 잘렸을 수 있으니, 받은 링크와 비교해 보세요.</p>
<p><a href="/">AI 수학 놀이터 열기</a></p>
</div>
</main>
</body>
</html>
`

func respondLinkNotFound(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Content-Type", "text/html; charset=utf-8")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("Content-Length", strconv.Itoa(len(linkNotFoundPage)))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		io.WriteString(w, linkNotFoundPage)
	}
}

// respondJSON sends v as JSON with the given status. '&', '<' and '>' stay
// as they are (states are full of '&'); the Content-Type and nosniff keep
// browsers from reading the body as HTML.
func respondJSON(w http.ResponseWriter, code int, v any) {
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only our own response types get here, and they marshal.
		panic("server: " + err.Error())
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(body.Len()))
	w.WriteHeader(code)
	w.Write(body.Bytes())
}
