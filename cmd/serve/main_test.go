//go:build !js

package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aimath/playground/lesson/catalog"
)

func TestRun(t *testing.T) {
	dir, data := t.TempDir(), filepath.Join(t.TempDir(), "data")
	const page = "<!doctype html><title>AI Math Playground</title>"
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	out, stdout := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-dir", dir, "-data", data}, stdout)
		stdout.Close()
	}()

	lines := bufio.NewScanner(out)
	if !lines.Scan() {
		t.Fatalf("run printed nothing; returned %v", <-done)
	}
	banner := lines.Text()
	go io.Copy(io.Discard, out) // keep run from blocking on later output
	m := regexp.MustCompile(`^Serving AI Math Playground at (http://127\.0\.0\.1:\d+/) \(share links in .+; Ctrl-C to stop\)$`).FindStringSubmatch(banner)
	if m == nil {
		t.Fatalf("run printed %q, want the Serving ... banner with a loopback URL", banner)
	}

	res, err := http.Get(m[1])
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK || string(body) != page {
		t.Errorf("GET %s = %d %q, want 200 %q", m[1], res.StatusCode, body, page)
	}
	if res.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("GET %s has no Content-Security-Policy, want the server package's headers", m[1])
	}
	id, _ := share(t, m[1], catalog.Lessons[0].ID, "")
	if entries, err := os.ReadDir(data); err != nil || len(entries) != 1 || entries[0].Name() != id {
		t.Errorf("data directory after one share = %v, %v, want the file %s alone", entries, err, id)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run after cancel = %v, want nil", err)
		}
	case <-time.After(shutdownTimeout + 5*time.Second):
		t.Fatal("run did not return after cancel")
	}
	if _, err := http.Get(m[1]); err == nil {
		t.Errorf("GET %s after shutdown succeeded, want the listener closed", m[1])
	}
}

func TestRunErrors(t *testing.T) {
	empty := t.TempDir()
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "index.html"), []byte("home"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-dir", empty, "-addr", "127.0.0.1:0"}, "make dist"},
		{[]string{"-dir", filepath.Join(empty, "missing"), "-addr", "127.0.0.1:0"}, "make dist"},
		{[]string{"-nosuchflag"}, "usage"},
		{[]string{"-share-limit", "-1"}, "want 0 or more"},
		{[]string{"-dir", full, "-data", filepath.Join(full, "index.html"), "-addr", "127.0.0.1:0"}, "share links"},
		{[]string{"extra"}, "unexpected arguments"},
	} {
		err := run(t.Context(), tc.args, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%d: run(%q) = %v, want an error mentioning %q", i, tc.args, err, tc.want)
		}
	}
}

func TestDefaultAddr(t *testing.T) {
	for i, tc := range []struct{ port, want string }{
		{"", "127.0.0.1:8080"},
		{"3000", "127.0.0.1:3000"},
	} {
		getenv := func(k string) string {
			if k == "PORT" {
				return tc.port
			}
			return ""
		}
		if got := defaultAddr(getenv); got != tc.want {
			t.Errorf("%d: defaultAddr(PORT=%q) = %q, want %q", i, tc.port, got, tc.want)
		}
	}
}

func TestSiteURL(t *testing.T) {
	for i, tc := range []struct {
		addr net.Addr
		want string
	}{
		{&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, "http://127.0.0.1:8080/"},
		{&net.TCPAddr{IP: net.IPv4zero, Port: 8080}, "http://localhost:8080/"},
		{&net.TCPAddr{IP: net.IPv6unspecified, Port: 80}, "http://localhost:80/"},
		{&net.TCPAddr{IP: net.IPv6loopback, Port: 8080}, "http://[::1]:8080/"},
	} {
		if got := siteURL(tc.addr); got != tc.want {
			t.Errorf("%d: siteURL(%v) = %q, want %q", i, tc.addr, got, tc.want)
		}
	}
}
