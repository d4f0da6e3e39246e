//go:build !js

package worker

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson/catalog"
	"github.com/aimath/playground/server"
	"github.com/aimath/playground/server/storetest"
)

// root is the repository root, where wrangler.jsonc is.
var root = func() string {
	dir, err := filepath.Abs("../..")
	if err != nil {
		panic(err)
	}
	return dir
}()

// built returns the directory named by env (relative to the root), or
// skips the test.
func built(t *testing.T, env string) string {
	t.Helper()
	dir := os.Getenv(env)
	if dir == "" {
		t.Skipf("$%s is not set: `make workertest` builds the Worker and runs these tests", env)
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(root, dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "app.wasm")); err != nil {
		t.Fatalf("$%s=%s has no app.wasm: %v", env, dir, err)
	}
	return dir
}

func wranglerBin(t *testing.T) string {
	t.Helper()
	bin := os.Getenv("AIMATH_WRANGLER")
	if bin == "" {
		bin = "node_modules/.bin/wrangler"
	}
	if !filepath.IsAbs(bin) {
		bin = filepath.Join(root, bin)
	}
	if _, err := os.Stat(bin); err != nil {
		t.Skipf("wrangler is not installed at %s (npm ci installs it from package.json): %v", bin, err)
	}
	return bin
}

// lockedBuffer collects a process's output.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// dev is a running `wrangler dev`.
type dev struct {
	url  string // "http://127.0.0.1:PORT"
	cmd  *exec.Cmd
	out  *lockedBuffer
	done chan struct{}
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

// startDev runs wrangler dev with config, KV persisted to persist, and
// waits until it answers HTTP. It is stopped at the end of the test.
func startDev(t *testing.T, config, persist string) *dev {
	t.Helper()
	port := freePort(t)
	cmd := exec.Command(wranglerBin(t), "dev", "--config", config, "--local",
		"--ip", "127.0.0.1", "--port", port, "--inspector-port", freePort(t),
		"--persist-to", persist, "--show-interactive-dev-session=false", "--log-level", "info")
	cmd.Dir = filepath.Dir(config)
	cmd.Env = append(os.Environ(),
		"WRANGLER_SEND_METRICS=false", "CLOUDFLARE_CF_FETCH_ENABLED=false", "WRANGLER_HIDE_BANNER=true",
		"WRANGLER_LOG_PATH="+t.TempDir(),
		// Its own dev registry: in the shared one, a wrangler that stops
		// (the previous test's) makes the others reload their Worker,
		// failing requests in flight.
		"WRANGLER_REGISTRY_PATH="+t.TempDir())
	// Its own process group: wrangler starts workerd, and both must stop.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	d := &dev{url: "http://127.0.0.1:" + port, cmd: cmd, out: new(lockedBuffer), done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = d.out, d.out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { cmd.Wait(); close(d.done) }()
	t.Cleanup(func() {
		d.stop()
		if t.Failed() {
			t.Logf("wrangler dev output:\n%s", d.out.String())
		}
	})

	deadline := time.Now().Add(2 * time.Minute)
	for {
		select {
		case <-d.done:
			t.Fatalf("wrangler dev exited before answering:\n%s", d.out.String())
		default:
		}
		res, err := http.Get(d.url + "/")
		if err == nil {
			res.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("wrangler dev did not answer on %s within 2 minutes:\n%s", d.url, d.out.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("wrangler dev (%s) answered after %v", filepath.Base(config), time.Since(start).Round(100*time.Millisecond))
	return d
}

// stop ends wrangler and workerd: SIGTERM to the group, SIGKILL if they
// linger.
func (d *dev) stop() {
	pgid := d.cmd.Process.Pid
	syscall.Kill(-pgid, syscall.SIGTERM)
	select {
	case <-d.done:
	case <-time.After(10 * time.Second):
		syscall.Kill(-pgid, syscall.SIGKILL)
		<-d.done
	}
	// workerd may outlive wrangler by a moment.
	syscall.Kill(-pgid, syscall.SIGKILL)
}

// cpuTime is the user+system CPU time of the workerd processes of the dev
// server, from /proc (in USER_HZ, 100 per second).
func (d *dev) cpuTime(t *testing.T) time.Duration {
	t.Helper()
	procs, err := filepath.Glob("/proc/[0-9]*/stat")
	if err != nil {
		t.Fatal(err)
	}
	var ticks int64
	for _, p := range procs {
		data, err := os.ReadFile(p)
		if err != nil {
			continue // exited meanwhile
		}
		s := string(data)
		open, closing := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || closing < open || !strings.HasPrefix(s[open+1:closing], "workerd") {
			continue
		}
		// Fields after "(comm)": state ppid pgrp ... utime is field 14 and
		// stime 15 of the whole line (proc(5)).
		f := strings.Fields(s[closing+1:])
		if len(f) < 13 || f[2] != strconv.Itoa(d.cmd.Process.Pid) {
			continue
		}
		u, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		ticks += u + st
	}
	return time.Duration(ticks) * 10 * time.Millisecond
}

var noRedirect = &http.Client{
	Timeout:       30 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

type answer struct {
	code   int
	header http.Header
	body   string
}

func request(t *testing.T, method, target, ctype, body string) answer {
	t.Helper()
	req, err := http.NewRequest(method, target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	res, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{res.StatusCode, res.Header, string(b)}
}

type shareAnswer struct {
	ID, URL, Lesson, State string
	Error                  string
	Details                []string
}

func postShare(t *testing.T, base, lessonID, state string) (answer, shareAnswer) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"lesson": lessonID, "state": state})
	a := request(t, http.MethodPost, base+"/api/share", "application/json", string(body))
	var got shareAnswer
	if err := json.Unmarshal([]byte(a.body), &got); err != nil {
		t.Fatalf("POST /api/share = %d %q: %v", a.code, a.body, err)
	}
	return a, got
}

// stats summarizes durations: mean, median, min and max.
func stats(ds []time.Duration) string {
	s := slices.Clone(ds)
	slices.Sort(s)
	var sum time.Duration
	for _, d := range s {
		sum += d
	}
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/1e6) }
	return fmt.Sprintf("n=%d mean %s ms, median %s ms, min %s ms, max %s ms", len(s), ms(sum/time.Duration(len(s))), ms(s[len(s)/2]), ms(s[0]), ms(s[len(s)-1]))
}

// TestWorker runs the real Worker (wrangler.jsonc, bin/worker) and checks
// the static assets, share links, their 404 page and oEmbed; then restarts
// it on the same KV folder, checks the shares survived, and exhausts the
// share rate limit. It logs the wall time and workerd CPU time per request.
func TestWorker(t *testing.T) {
	workerDir := built(t, "AIMATH_WORKER")
	persist := t.TempDir()
	d := startDev(t, filepath.Join(root, "wrangler.jsonc"), persist)
	security := server.SecurityHeaders()

	// Static assets, served by Cloudflare with the _headers of cmd/worker.
	index, err := os.ReadFile(filepath.Join(workerDir, "site", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	wasm, err := os.Stat(filepath.Join(workerDir, "site", "aimath.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	for i, tc := range []struct {
		path, ctype string
		size        int64
	}{
		{"/", "text/html; charset=utf-8", int64(len(index))},
		{"/index.html", "", -1}, // redirects to /
		{"/aimath.wasm", "application/wasm", wasm.Size()},
		{"/i18n/ko.json", "application/json", -1},
	} {
		a := request(t, http.MethodGet, d.url+tc.path, "", "")
		if tc.ctype == "" {
			if a.code/100 != 3 || a.header.Get("Location") != "/" {
				t.Errorf("%d: GET %s = %d Location %q, want a redirect to /", i, tc.path, a.code, a.header.Get("Location"))
			}
			continue
		}
		if a.code != http.StatusOK || !strings.HasPrefix(a.header.Get("Content-Type"), tc.ctype) {
			t.Errorf("%d: GET %s = %d %s, want 200 %s", i, tc.path, a.code, a.header.Get("Content-Type"), tc.ctype)
		}
		if tc.size >= 0 && int64(len(a.body)) != tc.size {
			t.Errorf("%d: GET %s: %d bytes, want %d", i, tc.path, len(a.body), tc.size)
		}
		for k := range security {
			if a.header.Get(k) != security.Get(k) {
				t.Errorf("%d: GET %s: %s = %q, want %q (cmd/worker/_headers)", i, tc.path, k, a.header.Get(k), security.Get(k))
			}
		}
	}
	// Precompressed variants are not uploaded: the path reaches the Worker,
	// whose Root is empty.
	if a := request(t, http.MethodGet, d.url+"/aimath.wasm.br", "", ""); a.code != http.StatusNotFound || a.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("GET /aimath.wasm.br = %d, want the Worker's 404", a.code)
	}

	// Shares of every lesson, at their defaults.
	type link struct{ id, hash string }
	var links []link
	var postTimes []time.Duration
	for _, in := range catalog.Lessons {
		t0 := time.Now()
		a, got := postShare(t, d.url, in.ID, "")
		postTimes = append(postTimes, time.Since(t0))
		want := param.New(in.Params).Encode()
		if a.code != http.StatusCreated || got.State != want || got.URL != "/s/"+got.ID || a.header.Get("Location") != got.URL {
			t.Fatalf("POST /api/share {%s} = %d %+v, want 201 with state %q", in.ID, a.code, got, want)
		}
		links = append(links, link{got.ID, "lesson=" + in.ID + "&" + want})
	}
	checkLinks := func(d *dev) {
		t.Helper()
		for _, l := range links {
			a := request(t, http.MethodGet, d.url+"/s/"+l.id, "", "")
			if a.code != http.StatusFound || a.header.Get("Location") != "/#"+l.hash {
				t.Errorf("GET /s/%s = %d Location %q, want 302 %q", l.id, a.code, a.header.Get("Location"), "/#"+l.hash)
			}
		}
	}
	checkLinks(d)
	if a := request(t, http.MethodGet, d.url+"/s/"+links[0].id+"?embed=1&lang=ko", "", ""); a.header.Get("Location") != "/?embed=1#"+links[0].hash+"&lang=ko" {
		t.Errorf("GET /s/%s?embed=1&lang=ko: Location %q, want %q", links[0].id, a.header.Get("Location"), "/?embed=1#"+links[0].hash+"&lang=ko")
	}

	// Refusals: a bad state, an unknown lesson, an unknown link.
	if a, got := postShare(t, d.url, catalog.Lessons[0].ID, "nosuch=1"); a.code != http.StatusBadRequest || len(got.Details) != 1 {
		t.Errorf("POST /api/share with an unknown parameter = %d %+v, want 400 with the problem", a.code, got)
	}
	if a, got := postShare(t, d.url, "nosuch", ""); a.code != http.StatusBadRequest || !strings.Contains(got.Error, "unknown lesson") {
		t.Errorf("POST /api/share for an unknown lesson = %d %+v, want 400 unknown lesson", a.code, got)
	}
	for _, id := range []string{"0123456789abc", "nope"} {
		a := request(t, http.MethodGet, d.url+"/s/"+id, "", "")
		if a.code != http.StatusNotFound || !strings.Contains(a.body, "Share link not found") || !strings.Contains(a.body, "공유 링크를 찾을 수 없습니다") ||
			a.header.Get("Content-Security-Policy") != security.Get("Content-Security-Policy") {
			t.Errorf("GET /s/%s = %d %q, want the bilingual 404 page with the CSP", id, a.code, a.body)
		}
	}

	// oEmbed of a share link.
	shareURL := d.url + "/s/" + links[0].id
	a := request(t, http.MethodGet, d.url+"/oembed?format=json&maxwidth=640&url="+url.QueryEscape(shareURL), "", "")
	var oe map[string]any
	if err := json.Unmarshal([]byte(a.body), &oe); err != nil || a.code != http.StatusOK {
		t.Fatalf("GET /oembed = %d %q, want 200 JSON", a.code, a.body)
	}
	wantSrc := `src="` + d.url + "/?embed=1#" + strings.ReplaceAll(links[0].hash, "&", "&amp;") + `"`
	if oe["type"] != "rich" || oe["version"] != "1.0" || oe["width"] != 640.0 || !strings.Contains(oe["html"].(string), wantSrc) {
		t.Errorf("GET /oembed?url=%s = %v, want a rich 640-wide iframe with %s", shareURL, oe, wantSrc)
	}
	if a := request(t, http.MethodGet, d.url+"/oembed?format=xml&url="+url.QueryEscape(shareURL), "", ""); a.code != http.StatusNotImplemented {
		t.Errorf("GET /oembed?format=xml = %d, want 501", a.code)
	}

	// Time per request. Assets never start Go; the others start a fresh
	// Go instance each (syumai/workers), and CPU is workerd's own.
	measure := func(name, path string, n int) {
		times := make([]time.Duration, n)
		cpu0 := d.cpuTime(t)
		for i := range n {
			t0 := time.Now()
			request(t, http.MethodGet, d.url+path, "", "")
			times[i] = time.Since(t0)
		}
		cpu := d.cpuTime(t) - cpu0
		t.Logf("timing: %-22s wall %s; workerd CPU %.1f ms per request", name, stats(times), float64(cpu)/1e6/float64(n))
	}
	measure("GET / (asset)", "/", 40)
	measure("GET /s/ID (Go + KV)", "/s/"+links[0].id, 40)
	measure("GET /oembed (Go + KV)", "/oembed?url="+url.QueryEscape(shareURL), 20)
	measure("GET /nope (Go, 404)", "/nope", 20)
	t.Logf("timing: %-22s wall %s (includes the KV write)", "POST /api/share", stats(postTimes))

	// Restart on the same folder: the shares are on disk, in local KV.
	d.stop()
	d = startDev(t, filepath.Join(root, "wrangler.jsonc"), persist)
	t0 := time.Now()
	checkLinks(d)
	t.Logf("timing: first %d links after a restart (the first compiles the wasm module): %v", len(links), time.Since(t0).Round(time.Millisecond))

	// The rate limit: 20 shares per 60 s per address. 45 tries reach 21
	// in one window even if a window ends during the loop.
	limited := false
	for i := range 45 {
		a, _ := postShare(t, d.url, catalog.Lessons[0].ID, "")
		if a.code == http.StatusTooManyRequests {
			if a.header.Get("Retry-After") != "60" {
				t.Errorf("429 after %d shares: Retry-After %q, want 60", i, a.header.Get("Retry-After"))
			}
			t.Logf("rate limit: share %d of the minute refused with 429", i+1)
			limited = true
			break
		}
		if a.code != http.StatusCreated {
			t.Fatalf("POST /api/share %d = %d %q, want 201 or 429", i, a.code, a.body)
		}
	}
	if !limited {
		t.Errorf("45 shares in a row were all accepted, want 429 after 20")
	}
}

// remoteStore is the Workers KV store of cmd/worker/edge, reached through
// tests/worker/kvproxy.
type remoteStore struct{ base string }

func (s remoteStore) do(ctx context.Context, method, key string, body []byte) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, s.base+"/kv?key="+url.QueryEscape(key), bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	res, err := noRedirect.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	return res.StatusCode, data, err
}

func (s remoteStore) Put(ctx context.Context, key string, data []byte) error {
	code, body, err := s.do(ctx, http.MethodPut, key, data)
	switch {
	case err != nil:
		return err
	case code == http.StatusOK:
		return nil
	case code == http.StatusBadRequest:
		return fmt.Errorf("%w (kvproxy: %s)", server.ErrInvalidKey, body)
	}
	return fmt.Errorf("kvproxy PUT %q: %d %s", key, code, body)
}

func (s remoteStore) Get(ctx context.Context, key string) ([]byte, error) {
	code, body, err := s.do(ctx, http.MethodGet, key, nil)
	switch {
	case err != nil:
		return nil, err
	case code == http.StatusOK:
		return body, nil
	case code == http.StatusNotFound:
		return nil, fmt.Errorf("%w (kvproxy: %s)", server.ErrNotFound, body)
	}
	return nil, fmt.Errorf("kvproxy GET %q: %d %s", key, code, body)
}

// TestKVStore runs the store conformance suite against Workers KV.
func TestKVStore(t *testing.T) {
	proxyDir := built(t, "AIMATH_KVPROXY")
	config := filepath.Join(t.TempDir(), "wrangler.json")
	cfg, _ := json.Marshal(map[string]any{
		"name":               "aimath-kvproxy",
		"main":               filepath.Join(proxyDir, "worker.mjs"),
		"compatibility_date": "2026-04-01",
		"kv_namespaces":      []map[string]string{{"binding": "SHARES", "id": "kvproxy-test"}},
	})
	if err := os.WriteFile(config, cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	d := startDev(t, config, t.TempDir())
	s := remoteStore{d.url}
	if _, err := s.Get(context.Background(), "ready"); !errors.Is(err, server.ErrNotFound) {
		t.Fatalf("kvproxy Get(ready) = %v, want ErrNotFound", err)
	}
	storetest.Run(t, func(*testing.T) server.Store { return s })

	// An empty value is an empty response body, which used to stall the
	// Worker and fail the next request (see edge.Handler); without the fix
	// about one round in twelve failed.
	ctx := context.Background()
	for i := range 30 {
		k := fmt.Sprintf("empty_%d", i)
		if err := s.Put(ctx, k, nil); err != nil {
			t.Fatalf("round %d: Put(%s, empty) = %v", i, k, err)
		}
		if got, err := s.Get(ctx, k); err != nil || len(got) != 0 {
			t.Fatalf("round %d: Get(%s) = %q, %v, want empty", i, k, got, err)
		}
		if err := s.Put(ctx, k+"_next", []byte("x")); err != nil {
			t.Fatalf("round %d: Put after an empty Get = %v", i, err)
		}
	}
}
