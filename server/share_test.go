package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
)

// demo is a lesson schema with one parameter of each kind the tests need.
var demo = lesson.Info{ID: "demo", Params: []param.Spec{
	{Name: "lr", Kind: param.Number, Min: 0, Max: 1, Default: 0.1},
	{Name: "view", Kind: param.Choice, Choices: []string{"a", "b"}, Default: "a"},
	{Name: "f", Kind: param.Text, Default: "x^2"},
}}

// demoDefaults is demo's canonical state at its defaults.
const demoDefaults = "lr=0.1&view=a&f=x%5E2"

// failStore fails every call.
type failStore struct{}

func (failStore) Put(context.Context, string, []byte) error   { return errors.New("disk full") }
func (failStore) Get(context.Context, string) ([]byte, error) { return nil, errors.New("disk gone") }

// errLimiter fails every call.
type errLimiter struct{}

func (errLimiter) Allow(context.Context, string) (bool, time.Duration, error) {
	return false, 0, errors.New("binding missing")
}

func shareHandler(store Store, limiter Limiter, logged *bytes.Buffer) http.Handler {
	if logged == nil {
		logged = new(bytes.Buffer)
	}
	return New(Options{Root: site(), Store: store, Lessons: []lesson.Info{demo}, Limiter: limiter, ErrorLog: log.New(logged, "", 0)})
}

// post sends a POST /api/share with body from remote (RemoteAddr).
func post(t *testing.T, h http.Handler, ctype, body, remote string) response {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, "/api/share", strings.NewReader(body))
	if ctype != "" {
		r.Header.Set("Content-Type", ctype)
	}
	if remote != "" {
		r.RemoteAddr = remote
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	res := w.Result()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{code: res.StatusCode, header: res.Header, body: string(b)}
}

func shareBody(lessonID, state string) string {
	b, _ := json.Marshal(shareRequest{Lesson: lessonID, State: state})
	return string(b)
}

func TestShare(t *testing.T) {
	store := new(MemStore)
	h := shareHandler(store, nil, nil)
	for i, tc := range []struct {
		ctype, body string
		state       string // canonical state answered and stored
	}{
		{"application/json", shareBody("demo", "lr=0.5&view=b&f=x%5E2"), "lr=0.5&view=b&f=x%5E2"},
		{"application/json", shareBody("demo", ""), demoDefaults},
		{"application/json; charset=utf-8", shareBody("demo", "view=b&lr=.5"), "lr=0.5&view=b&f=x%5E2"},
		{"Application/JSON", shareBody("demo", "#lr=7"), "lr=1&view=a&f=x%5E2"}, // clamped into range
		{"application/json", shareBody("demo", "f=sin(x)%2Bx"), "lr=0.1&view=a&f=sin%28x%29%2Bx"},
		{"application/json", `{"state":"lr=0.2","lesson":"demo"}`, "lr=0.2&view=a&f=x%5E2"},
	} {
		res := post(t, h, tc.ctype, tc.body, "")
		if res.code != http.StatusCreated {
			t.Errorf("%d: POST /api/share %s = %d %s, want 201", i, tc.body, res.code, res.body)
			continue
		}
		var got shareResponse
		if err := json.Unmarshal([]byte(res.body), &got); err != nil {
			t.Errorf("%d: POST /api/share %s: body %q: %v", i, tc.body, res.body, err)
			continue
		}
		if !validID(got.ID) || got.URL != "/s/"+got.ID || got.Lesson != "demo" || got.State != tc.state {
			t.Errorf("%d: POST /api/share %s = %+v, want a valid id, url /s/ID, lesson demo, state %q", i, tc.body, got, tc.state)
		}
		if !strings.Contains(res.body, `"state":"`+tc.state+`"`) {
			t.Errorf("%d: POST /api/share %s: body %s, want the state's '&' unescaped", i, tc.body, res.body)
		}
		if loc := res.header.Get("Location"); loc != got.URL {
			t.Errorf("%d: POST /api/share %s: Location = %q, want %q", i, tc.body, loc, got.URL)
		}
		for k, want := range map[string]string{"Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"} {
			if v := res.header.Get(k); v != want {
				t.Errorf("%d: POST /api/share %s: %s = %q, want %q", i, tc.body, k, v, want)
			}
		}
		stored, err := store.Get(context.Background(), got.ID)
		if want := "lesson=demo&" + tc.state; err != nil || string(stored) != want {
			t.Errorf("%d: stored %s = %q, %v, want %q", i, got.ID, stored, err, want)
		}
	}
}

func TestShareNewIDs(t *testing.T) {
	h := shareHandler(new(MemStore), nil, nil)
	seen := map[string]bool{}
	for range 50 {
		var got shareResponse
		res := post(t, h, "application/json", shareBody("demo", ""), "")
		if err := json.Unmarshal([]byte(res.body), &got); err != nil || seen[got.ID] {
			t.Fatalf("POST /api/share = %d %s, want a new id each time", res.code, res.body)
		}
		seen[got.ID] = true
	}
}

func TestShareErrors(t *testing.T) {
	h := shareHandler(new(MemStore), nil, nil)
	long := strings.Repeat("x", maxShareBody)
	for i, tc := range []struct {
		ctype, body string
		code        int
		msg         string // in the error message
	}{
		{"application/json", shareBody("nosuch", ""), http.StatusBadRequest, `unknown lesson "nosuch"`},
		{"application/json", shareBody("", ""), http.StatusBadRequest, "unknown lesson"},
		{"application/json", shareBody("demo", "view=zzz"), http.StatusBadRequest, "view: want one of a, b"},
		{"application/json", shareBody("demo", "nosuch=1"), http.StatusBadRequest, `unknown parameter "nosuch"`},
		{"application/json", shareBody("demo", "lr=abc"), http.StatusBadRequest, "not a number"},
		{"application/json", shareBody("demo", "lr=NaN"), http.StatusBadRequest, "finite"},
		{"application/json", shareBody("demo", "lr=%zz"), http.StatusBadRequest, "malformed pair"},
		{"application/json", shareBody("demo", "lesson=demo&lr=0.5"), http.StatusBadRequest, `unknown parameter "lesson"`},
		{"application/json", shareBody("demo", "f="+strings.Repeat("y", 300)), http.StatusBadRequest, "longer than 200"},
		{"application/json", "", http.StatusBadRequest, "EOF"},
		{"application/json", "{", http.StatusBadRequest, "body must be"},
		{"application/json", "[]", http.StatusBadRequest, "body must be"},
		{"application/json", "null x", http.StatusBadRequest, "body must be"},
		{"application/json", `{"lesson":1}`, http.StatusBadRequest, "body must be"},
		{"application/json", `{"lesson":"demo","state":"","extra":1}`, http.StatusBadRequest, `unknown field "extra"`},
		{"application/json", `{"lesson":"demo"} {}`, http.StatusBadRequest, "data after the object"},
		{"application/json", shareBody("demo", "f="+long), http.StatusRequestEntityTooLarge, "body larger than 16384 bytes"},
		{"application/json", shareBody("demo", strings.Repeat("x", maxState+1)), http.StatusRequestEntityTooLarge, "state longer than 8192 bytes"},
		{"text/plain", shareBody("demo", ""), http.StatusUnsupportedMediaType, "application/json"},
		{"application/x-www-form-urlencoded", "lesson=demo&state=", http.StatusUnsupportedMediaType, "application/json"},
		{"", shareBody("demo", ""), http.StatusUnsupportedMediaType, "application/json"},
		{"application/json; charset", shareBody("demo", ""), http.StatusUnsupportedMediaType, "application/json"},
	} {
		res := post(t, h, tc.ctype, tc.body, "")
		var got errorResponse
		err := json.Unmarshal([]byte(res.body), &got)
		all := got.Error + " " + strings.Join(got.Details, "; ")
		if res.code != tc.code || err != nil || !strings.Contains(all, tc.msg) {
			t.Errorf("%d: POST /api/share (%s) %.60s = %d %q, want %d with an error mentioning %q", i, tc.ctype, tc.body, res.code, res.body, tc.code, tc.msg)
		}
		if ct := res.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Errorf("%d: POST /api/share %.60s: Content-Type = %q, want JSON", i, tc.body, ct)
		}
	}
}

func TestShareDetailsCapped(t *testing.T) {
	h := shareHandler(new(MemStore), nil, nil)
	res := post(t, h, "application/json", shareBody("demo", strings.Repeat("bad=1&", 50)), "")
	var got errorResponse
	if err := json.Unmarshal([]byte(res.body), &got); err != nil || res.code != http.StatusBadRequest || len(got.Details) != maxStateErrors {
		t.Errorf("POST /api/share with 50 bad pairs = %d, %d details, want 400 with %d", res.code, len(got.Details), maxStateErrors)
	}
}

func TestShareMethods(t *testing.T) {
	h := shareHandler(new(MemStore), nil, nil)
	for i, method := range []string{http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions} {
		res := do(t, h, method, "/api/share")
		if res.code != http.StatusMethodNotAllowed || res.header.Get("Allow") != "POST" {
			t.Errorf("%d: %s /api/share = %d Allow %q, want 405 Allow POST", i, method, res.code, res.header.Get("Allow"))
		}
	}
}

func TestShareDisabled(t *testing.T) {
	h := New(Options{Root: site(), Lessons: []lesson.Info{demo}})
	if res := post(t, h, "application/json", shareBody("demo", ""), ""); res.code != http.StatusNotFound || !strings.Contains(res.body, "not enabled") {
		t.Errorf("POST /api/share without a store = %d %q, want 404 not enabled", res.code, res.body)
	}
	if res := do(t, h, http.MethodGet, "/s/0123456789abc"); res.code != http.StatusNotFound || !strings.Contains(res.body, "Share link not found") {
		t.Errorf("GET /s/ID without a store = %d %q, want the 404 page", res.code, res.body)
	}
}

func TestShareStoreFails(t *testing.T) {
	var logged bytes.Buffer
	h := shareHandler(failStore{}, nil, &logged)
	res := post(t, h, "application/json", shareBody("demo", ""), "")
	if res.code != http.StatusInternalServerError || !strings.Contains(res.body, "could not store") {
		t.Errorf("POST /api/share on a failing store = %d %q, want 500 could not store", res.code, res.body)
	}
	if !strings.Contains(logged.String(), "disk full") {
		t.Errorf("POST /api/share on a failing store logged %q, want the store's error", logged.String())
	}
	if res := do(t, h, http.MethodGet, "/s/0123456789abc"); res.code != http.StatusInternalServerError {
		t.Errorf("GET /s/ID on a failing store = %d, want 500", res.code)
	}
}

func TestShareRateLimit(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	limiter := NewBuckets(3*time.Second, 2)
	limiter.now = func() time.Time { return now }
	h := shareHandler(new(MemStore), limiter, nil)
	body := shareBody("demo", "")
	for i, tc := range []struct {
		remote string
		wait   time.Duration
		code   int
		retry  string
	}{
		{"192.0.2.1:1000", 0, http.StatusCreated, ""},
		{"192.0.2.1:1001", 0, http.StatusCreated, ""},
		{"192.0.2.1:1002", 0, http.StatusTooManyRequests, "3"},
		{"192.0.2.2:1000", 0, http.StatusCreated, ""}, // another client
		{"192.0.2.1:1003", 2500 * time.Millisecond, http.StatusTooManyRequests, "1"},
		{"192.0.2.1:1004", 500 * time.Millisecond, http.StatusCreated, ""},
		{"[2001:db8::1]:1", 0, http.StatusCreated, ""},
		{"[2001:db8::2]:1", 0, http.StatusCreated, ""},
		{"[2001:db8::3]:1", 0, http.StatusTooManyRequests, "3"}, // same /64
		{"[2001:db8:0:1::3]:1", 0, http.StatusCreated, ""},
	} {
		now = now.Add(tc.wait)
		res := post(t, h, "application/json", body, tc.remote)
		if res.code != tc.code || res.header.Get("Retry-After") != tc.retry {
			t.Errorf("%d: POST /api/share from %s = %d Retry-After %q, want %d %q", i, tc.remote, res.code, res.header.Get("Retry-After"), tc.code, tc.retry)
		}
	}
	// Refused requests are counted before the body is read: a flood of
	// bad bodies is limited too.
	res := post(t, h, "text/plain", "junk", "192.0.2.1:1")
	if res.code != http.StatusTooManyRequests {
		t.Errorf("POST /api/share junk from a limited client = %d, want 429", res.code)
	}

	var logged bytes.Buffer
	h = shareHandler(new(MemStore), errLimiter{}, &logged)
	if res := post(t, h, "application/json", body, ""); res.code != http.StatusServiceUnavailable || !strings.Contains(logged.String(), "binding missing") {
		t.Errorf("POST /api/share with a failing limiter = %d (logged %q), want 503 and the error logged", res.code, logged.String())
	}
}

func TestOpenLink(t *testing.T) {
	store := new(MemStore)
	h := shareHandler(store, nil, nil)
	var shared shareResponse
	res := post(t, h, "application/json", shareBody("demo", "lr=0.5&view=b"), "")
	if err := json.Unmarshal([]byte(res.body), &shared); err != nil {
		t.Fatalf("POST /api/share = %d %q", res.code, res.body)
	}
	hash := "#lesson=demo&lr=0.5&view=b&f=x%5E2"
	for i, tc := range []struct {
		method, target, location string
	}{
		{http.MethodGet, shared.URL, "/" + hash},
		{http.MethodHead, shared.URL, "/" + hash},
		{http.MethodGet, shared.URL + "?embed=1", "/?embed=1" + hash},
		{http.MethodGet, shared.URL + "?embed=0", "/" + hash},
		{http.MethodGet, shared.URL + "?lang=ko", "/" + hash + "&lang=ko"},
		{http.MethodGet, shared.URL + "?lang=fr", "/" + hash},
		{http.MethodGet, shared.URL + "?embed=1&hide=lr,f&lang=en", "/?embed=1" + hash + "&lang=en&hide=lr%2Cf"},
		{http.MethodGet, shared.URL + "?hide=%3Cscript%3E", "/" + hash},
		{http.MethodGet, shared.URL + "?other=1", "/" + hash},
	} {
		res := do(t, h, tc.method, tc.target)
		if res.code != http.StatusFound || res.header.Get("Location") != tc.location {
			t.Errorf("%d: %s %s = %d Location %q, want 302 %q", i, tc.method, tc.target, res.code, res.header.Get("Location"), tc.location)
		}
		if cc := res.header.Get("Cache-Control"); cc != "public, max-age=3600" {
			t.Errorf("%d: %s %s: Cache-Control = %q, want public, max-age=3600", i, tc.method, tc.target, cc)
		}
	}
	if res := do(t, h, http.MethodGet, "/s/"+strings.ToUpper(shared.ID)); res.code != http.StatusFound {
		t.Errorf("GET /s/%s (upper case) = %d, want 302", strings.ToUpper(shared.ID), res.code)
	}
	for i, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		res := do(t, h, method, shared.URL)
		if res.code != http.StatusMethodNotAllowed || res.header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%d: %s %s = %d Allow %q, want 405 Allow GET, HEAD", i, method, shared.URL, res.code, res.header.Get("Allow"))
		}
	}
}

func TestOpenLinkNotFound(t *testing.T) {
	store := new(MemStore)
	h := shareHandler(store, nil, nil)
	// A value under an id that is not a share id: never reachable.
	store.Put(context.Background(), "abc", []byte("lesson=demo"))
	for i, target := range []string{
		"/s/0123456789abc", // well formed, never stored
		"/s/",
		"/s/abc",
		"/s/0123456789abcd",
		"/s/0123456789ab",
		"/s/0123456789abi", // i is not in the alphabet
		"/s/0123456789abc/",
		"/s/%2e%2e",
		"/s/../index.html",
		"/s/0123456789ab%00",
	} {
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			res := do(t, h, method, target)
			if res.code != http.StatusNotFound {
				t.Errorf("%d: %s %s = %d, want 404", i, method, target, res.code)
			}
			for k, want := range map[string]string{
				"Content-Type":            "text/html; charset=utf-8",
				"Cache-Control":           "no-store",
				"Content-Security-Policy": securityHeaders[0][1],
			} {
				if got := res.header.Get(k); got != want {
					t.Errorf("%d: %s %s: %s = %q, want %q", i, method, target, k, got, want)
				}
			}
			if method == http.MethodHead {
				if res.body != "" {
					t.Errorf("%d: HEAD %s has a body", i, target)
				}
				continue
			}
			for _, want := range []string{"Share link not found", "공유 링크를 찾을 수 없습니다", `<a href="/">`, `lang="ko"`} {
				if !strings.Contains(res.body, want) {
					t.Errorf("%d: GET %s: page lacks %q", i, target, want)
				}
			}
			for _, bad := range []string{"<script", "<style", "style="} {
				if strings.Contains(res.body, bad) {
					t.Errorf("%d: GET %s: page has %q, which the CSP refuses", i, target, bad)
				}
			}
		}
	}
}

func TestOpenLinkCorrupt(t *testing.T) {
	var logged bytes.Buffer
	store := new(MemStore)
	h := shareHandler(store, nil, &logged)
	for i, v := range []string{"javascript:alert(1)", "lesson=demo\r\nSet-Cookie: x=1", "lesson=demo#x", "", "lesson=a b"} {
		id := newID()
		store.Put(context.Background(), id, []byte(v))
		res := do(t, h, http.MethodGet, "/s/"+id)
		if res.code != http.StatusInternalServerError || res.header.Get("Location") != "" {
			t.Errorf("%d: GET /s/ID holding %q = %d Location %q, want 500 and no redirect", i, v, res.code, res.header.Get("Location"))
		}
	}
	if !strings.Contains(logged.String(), "not a page state") {
		t.Errorf("corrupt values logged %q, want them reported", logged.String())
	}
}

func TestNewID(t *testing.T) {
	for range 1000 {
		if id := newID(); !validID(id) {
			t.Fatalf("newID() = %q, not valid", id)
		}
	}
}

func TestSecurityHeadersCopy(t *testing.T) {
	h := SecurityHeaders()
	res := do(t, shareHandler(new(MemStore), nil, nil), http.MethodGet, "/")
	for k := range h {
		if res.header.Get(k) != h.Get(k) {
			t.Errorf("SecurityHeaders()[%s] = %q, but responses carry %q", k, h.Get(k), res.header.Get(k))
		}
	}
	if len(h) != len(securityHeaders) {
		t.Errorf("SecurityHeaders() has %d headers, want %d", len(h), len(securityHeaders))
	}
	h.Set("X-Content-Type-Options", "changed")
	if SecurityHeaders().Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("changing the result of SecurityHeaders changed the next result")
	}
}
