//go:build !js

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/aimath/playground/core/param"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/catalog"
	"github.com/aimath/playground/server"
)

// childEnv, when set, makes the test binary run the server instead of the
// tests: run's arguments as a JSON list. The durability and load tests
// start the real server this way, in a process they can kill.
const childEnv = "AIMATH_SERVE_CHILD"

func TestMain(m *testing.M) {
	if args := os.Getenv(childEnv); args != "" {
		var a []string
		if err := json.Unmarshal([]byte(args), &a); err != nil {
			fmt.Fprintln(os.Stderr, "serve child:", err)
			os.Exit(2)
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		err := run(ctx, a, os.Stdout)
		stop()
		if err != nil {
			fmt.Fprintln(os.Stderr, "serve child:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// child is the server running in another process.
type child struct {
	cmd    *exec.Cmd
	url    string // "http://127.0.0.1:PORT/"
	exited chan error
}

var bannerRE = regexp.MustCompile(`^Serving AI Math Playground at (http://127\.0\.0\.1:\d+/) `)

// startChild runs the server with args in a new process and waits for its
// banner. The process is killed at the end of the test if still running.
func startChild(t *testing.T, args ...string) *child {
	t.Helper()
	a, _ := json.Marshal(append([]string{"-addr", "127.0.0.1:0"}, args...))
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+string(a))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, exited: make(chan error, 1)}
	lines := bufio.NewScanner(out)
	if !lines.Scan() {
		cmd.Wait()
		t.Fatalf("server child printed nothing; stderr: %s", stderr.String())
	}
	m := bannerRE.FindStringSubmatch(lines.Text())
	if m == nil {
		cmd.Process.Kill()
		t.Fatalf("server child printed %q, want its banner", lines.Text())
	}
	c.url = m[1]
	go func() {
		io.Copy(io.Discard, out)
		c.exited <- cmd.Wait()
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-c.exited
	})
	return c
}

// noRedirect is a client that returns redirects instead of following them.
var noRedirect = &http.Client{
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	Timeout:       30 * time.Second,
}

// shareAnswer is the JSON answer of POST /api/share, success or error.
type shareAnswer struct {
	ID, URL, Lesson, State string
	Error                  string
	Details                []string
}

// postShare sends POST /api/share and returns the status and the decoded
// answer.
func postShare(client *http.Client, base, lessonID, state string) (int, shareAnswer, error) {
	var got shareAnswer
	body, _ := json.Marshal(map[string]string{"lesson": lessonID, "state": state})
	res, err := client.Post(base+"api/share", "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, got, err
	}
	defer res.Body.Close()
	err = json.NewDecoder(res.Body).Decode(&got)
	return res.StatusCode, got, err
}

// share creates a share on the server at base and checks that its link
// leads back to the state; it returns the id and the canonical state.
func share(t *testing.T, base, lessonID, state string) (id, canonical string) {
	t.Helper()
	code, got, err := postShare(noRedirect, base, lessonID, state)
	if err != nil || code != http.StatusCreated {
		t.Fatalf("POST %sapi/share {%s, %q} = %d %+v, %v, want 201", base, lessonID, state, code, got, err)
	}
	checkLink(t, base, got.ID, "lesson="+lessonID+"&"+got.State)
	return got.ID, got.State
}

// checkLink checks that GET /s/id redirects to the page at hash.
func checkLink(t *testing.T, base, id, hash string) {
	t.Helper()
	res, err := noRedirect.Get(base + "s/" + id)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusFound || loc != "/#"+hash {
		t.Errorf("GET %ss/%s = %d Location %q, want 302 %q", base, id, res.StatusCode, loc, "/#"+hash)
	}
}

// sample returns the i-th test state: a lesson of the catalog and its
// sampleState.
func sample(i int) (lesson.Info, string) {
	in := catalog.Lessons[i%len(catalog.Lessons)]
	return in, sampleState(in, i)
}

// sampleState returns a state of in with its first ranged number parameter
// moved by i, so that states differ.
func sampleState(in lesson.Info, i int) string {
	v := param.New(in.Params)
	for _, s := range in.Params {
		if (s.Kind == param.Number || s.Kind == param.Int) && s.Min < s.Max && !s.Hidden {
			if _, _, err := v.Set(s.Name, s.Min+(s.Max-s.Min)*float64(i%97)/97); err != nil {
				panic(err)
			}
			break
		}
	}
	return v.Encode()
}

// TestShareEveryLesson shares each lesson of the catalog at its defaults
// and at a changed state through the real schemas.
func TestShareEveryLesson(t *testing.T) {
	h := server.New(server.Options{Root: os.DirFS(t.TempDir()), Store: new(server.MemStore), Lessons: catalog.Lessons})
	ts := httptest.NewServer(h)
	defer ts.Close()
	for i, in := range catalog.Lessons {
		defaults := param.New(in.Params).Encode()
		if _, got := share(t, ts.URL+"/", in.ID, ""); got != defaults {
			t.Errorf("%d: share %s at its defaults: state %q, want %q", i, in.ID, got, defaults)
		}
		state := sampleState(in, 41)
		if _, got := share(t, ts.URL+"/", in.ID, state); got != state {
			t.Errorf("%d: share %s at %q: state %q, want it unchanged", i, in.ID, state, got)
		}
	}
}

func siteDir(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"index.html": "<!doctype html><title>AI Math Playground</title>",
		"app.js":     strings.Repeat("console.log('a line of the page script');\n", 1500), // about 64 KiB
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestDurability kills the server (SIGKILL) while eight clients create
// shares, restarts it on the same data directory, and checks that every
// share answered 201 before the kill still opens its state.
func TestDurability(t *testing.T) {
	const (
		workers   = 8
		perWorker = 60
		killAfter = 120 // acknowledged shares before the kill
	)
	site, data := siteDir(t), filepath.Join(t.TempDir(), "data")
	c := startChild(t, "-dir", site, "-data", data, "-share-limit", "0")

	type ack struct{ id, hash string }
	var (
		mu       sync.Mutex
		acks     []ack
		failed   atomic.Int64 // requests that got no answer: in flight at the kill
		refused  atomic.Int64 // requests after the kill
		count    atomic.Int64
		killOnce sync.Once
		wg       sync.WaitGroup
	)
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: workers}}
	for w := range workers {
		wg.Go(func() {
			for i := range perWorker {
				in, state := sample(w*perWorker + i)
				code, got, err := postShare(client, c.url, in.ID, state)
				if err != nil {
					if count.Load() >= killAfter {
						failed.Add(1)
						// Later attempts find the port closed; one is enough
						// to show it.
						if _, _, err := postShare(client, c.url, in.ID, state); err != nil {
							refused.Add(1)
						}
						return
					}
					t.Errorf("POST /api/share before the kill: %v", err)
					return
				}
				if code != http.StatusCreated || got.State != state {
					t.Errorf("POST /api/share {%s, %q} = %d %+v, want 201 and the state unchanged", in.ID, state, code, got)
					return
				}
				mu.Lock()
				acks = append(acks, ack{got.ID, "lesson=" + in.ID + "&" + state})
				mu.Unlock()
				if count.Add(1) == killAfter {
					killOnce.Do(func() { c.cmd.Process.Kill() }) // SIGKILL: no shutdown, no flush
				}
			}
		})
	}
	wg.Wait()
	if err := <-c.exited; err == nil || !strings.Contains(err.Error(), "killed") {
		t.Fatalf("server child exited with %v, want killed", err)
	}
	c.exited <- nil // for the cleanup's wait

	c2 := startChild(t, "-dir", site, "-data", data, "-share-limit", "0")
	for _, a := range acks {
		checkLink(t, c2.url, a.id, a.hash)
	}
	entries, err := os.ReadDir(data)
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	for _, e := range entries {
		if server.ValidKey(e.Name()) {
			files++
		}
	}
	if files < len(acks) {
		t.Errorf("%d share files after the kill, want at least the %d acknowledged", files, len(acks))
	}
	t.Logf("durability: %d shares acknowledged before SIGKILL, all resolve after restart; %d requests were in flight at the kill; %d files stored", len(acks), failed.Load(), files)
}

// TestLoopbackLoad sends a bounded mixed load over loopback to the real
// server in another process and reports requests per second and latency
// percentiles (visible with -v; `make bench` prints them). It checks every
// answer, never the timings.
func TestLoopbackLoad(t *testing.T) {
	const (
		requests    = 2000
		concurrency = 16
		links       = 20
	)
	site, data := siteDir(t), filepath.Join(t.TempDir(), "data")
	c := startChild(t, "-dir", site, "-data", data, "-share-limit", "0")
	var ids []string
	for i := range links {
		in, state := sample(i)
		id, _ := share(t, c.url, in.ID, state)
		ids = append(ids, id)
	}

	kinds := []string{"GET /", "GET /app.js", "POST /api/share", "GET /s/ID"}
	// Six in ten requests are static files, two shares, two links.
	mix := []int{0, 0, 0, 1, 1, 1, 2, 2, 3, 3}
	client := &http.Client{
		Timeout:       30 * time.Second,
		Transport:     &http.Transport{MaxIdleConnsPerHost: concurrency, DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	one := func(kind, i int) error {
		var (
			res *http.Response
			err error
		)
		want := http.StatusOK
		switch kind {
		case 0:
			res, err = client.Get(c.url)
		case 1:
			res, err = client.Get(c.url + "app.js")
		case 2:
			in, state := sample(i)
			body, _ := json.Marshal(map[string]string{"lesson": in.ID, "state": state})
			res, err = client.Post(c.url+"api/share", "application/json", bytes.NewReader(body))
			want = http.StatusCreated
		case 3:
			res, err = client.Get(c.url + "s/" + ids[i%len(ids)])
			want = http.StatusFound
		}
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if err == nil && res.StatusCode != want {
			err = fmt.Errorf("%s = %d, want %d", kinds[kind], res.StatusCode, want)
		}
		return err
	}

	lat := make([][]time.Duration, len(kinds))
	var mu sync.Mutex
	jobs := make(chan int)
	rng := rand.New(rand.NewPCG(1, 2))
	var wg sync.WaitGroup
	var errs atomic.Int64
	start := time.Now()
	for range concurrency {
		wg.Go(func() {
			for i := range jobs {
				kind := mix[i%len(mix)]
				t0 := time.Now()
				err := one(kind, i)
				d := time.Since(t0)
				if err != nil {
					if errs.Add(1) <= 5 {
						t.Error(err)
					}
					continue
				}
				mu.Lock()
				lat[kind] = append(lat[kind], d)
				mu.Unlock()
			}
		})
	}
	for _, i := range rng.Perm(requests) {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	elapsed := time.Since(start)
	if n := errs.Load(); n > 0 {
		t.Fatalf("%d of %d requests failed", n, requests)
	}

	ms := func(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/1e6) }
	pct := func(ds []time.Duration, p float64) time.Duration {
		return ds[min(len(ds)-1, int(p*float64(len(ds))))]
	}
	var all []time.Duration
	t.Logf("load: %d requests, %d concurrent, loopback: %.0f requests/s over %v", requests, concurrency, requests/elapsed.Seconds(), elapsed.Round(time.Millisecond))
	for k, ds := range lat {
		slices.Sort(ds)
		all = append(all, ds...)
		t.Logf("load: %-16s n=%4d  p50 %s  p99 %s", kinds[k], len(ds), ms(pct(ds, 0.50)), ms(pct(ds, 0.99)))
	}
	slices.Sort(all)
	t.Logf("load: %-16s n=%4d  p50 %s  p99 %s", "all", len(all), ms(pct(all, 0.50)), ms(pct(all, 0.99)))
	if len(all) != requests {
		t.Errorf("%d latencies recorded, want %d", len(all), requests)
	}
	if errors.Is(context.Cause(t.Context()), context.Canceled) {
		t.Fatal("canceled")
	}
}
