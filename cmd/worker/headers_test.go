//go:build !js

package main

import (
	"bufio"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/aimath/playground/server"
)

// TestHeadersFile checks that _headers, which gives Cloudflare's static
// assets their headers, says what server.SecurityHeaders says, for every
// path.
func TestHeadersFile(t *testing.T) {
	f, err := os.Open("_headers")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got := http.Header{}
	var rules []string
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		line := lines.Text()
		switch {
		case strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "":
		case !strings.HasPrefix(line, " "):
			rules = append(rules, line)
		default:
			k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
			if !ok {
				t.Fatalf("_headers: malformed line %q", line)
			}
			got.Add(k, strings.TrimSpace(v))
		}
	}
	if err := lines.Err(); err != nil {
		t.Fatal(err)
	}
	if len(rules) != 1 || rules[0] != "/*" {
		t.Errorf("_headers rules = %q, want one rule for /*", rules)
	}
	want := server.SecurityHeaders()
	for k := range want {
		if got.Get(k) != want.Get(k) || len(got.Values(k)) != 1 {
			t.Errorf("_headers %s = %q, want %q", k, got.Values(k), want.Get(k))
		}
	}
	for k := range got {
		if want.Get(k) == "" {
			t.Errorf("_headers sets %s, which server.SecurityHeaders does not", k)
		}
	}
}
