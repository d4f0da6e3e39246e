//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

var decoders = map[string]func(io.Reader) (io.Reader, error){
	".br": func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
	".gz": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
}

// tree writes files (slash-separated names) under a new temporary directory.
func tree(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// listing returns every regular file under dir, slash-separated, with its
// contents.
func listing(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	got := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		got[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestPrecompress(t *testing.T) {
	text := []byte(strings.Repeat("<p>The gradient points uphill; step against it.</p>\n", 40))
	noise := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range noise {
		noise[i] = byte(rng.Uint32())
	}
	small := []byte(strings.Repeat("x", minSize-1))
	input := map[string][]byte{
		"index.html":       text,
		"app.js":           text,
		"i18n/ko.json":     []byte(strings.Repeat(`{"k":"경사 하강법"},`, 50)),
		"main.wasm":        noise, // incompressible: no variant is smaller
		"main.wasm.br":     []byte("stale: written when main.wasm compressed"),
		"tiny.css":         small,
		"tiny.css.gz":      []byte("stale: original now below minSize"),
		"logo.png":         text, // not a compressible type
		"gone.js.br":       []byte("stale: original removed"),
		"lessons/gone.gz":  []byte("stale"),
		"lessons/gd.html":  text,
		"lessons/gd.html~": text,
	}
	dir := tree(t, input)
	old := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(dir, "app.js"), old, old); err != nil {
		t.Fatal(err)
	}

	var out bytes.Buffer
	if err := run([]string{dir}, &out); err != nil {
		t.Fatalf("run(%s) = %v", dir, err)
	}
	if lines := strings.Count(out.String(), "\n"); lines != 1 || !strings.Contains(out.String(), "5 files") ||
		!strings.Contains(out.String(), "2 variants skipped") || !strings.Contains(out.String(), "4 stale removed") {
		t.Errorf("run(%s) printed %q, want one line: 5 files, 2 variants skipped, 4 stale removed", dir, out.String())
	}

	got := listing(t, dir)
	var wantNames []string
	for _, name := range []string{"index.html", "app.js", "i18n/ko.json", "lessons/gd.html"} {
		for _, suffix := range []string{".br", ".gz"} {
			wantNames = append(wantNames, name+suffix)
			v, ok := got[name+suffix]
			if !ok {
				t.Errorf("precompress(%s): %s missing", dir, name+suffix)
				continue
			}
			if len(v) >= len(got[name]) {
				t.Errorf("precompress(%s): %s has %d bytes, want fewer than the original's %d", dir, name+suffix, len(v), len(got[name]))
			}
			r, err := decoders[suffix](bytes.NewReader(v))
			if err != nil {
				t.Errorf("%s: %v", name+suffix, err)
				continue
			}
			dec, err := io.ReadAll(r)
			if err != nil || !bytes.Equal(dec, got[name]) {
				t.Errorf("decompress(%s) = %d bytes, %v; want the %d bytes of %s", name+suffix, len(dec), err, len(got[name]), name)
			}
		}
	}
	for name := range got {
		if isVariant(name) && !slices.Contains(wantNames, name) {
			t.Errorf("precompress(%s) left %s, want it removed or never written", dir, name)
		}
		if strings.Contains(name, ".precompress-") {
			t.Errorf("precompress(%s) left temporary file %s", dir, name)
		}
	}
	for name, data := range input {
		if !isVariant(name) && !bytes.Equal(got[name], data) {
			t.Errorf("precompress(%s) changed %s", dir, name)
		}
	}

	// Variants carry the original's modification time.
	for _, suffix := range []string{".br", ".gz"} {
		fi, err := os.Stat(filepath.Join(dir, "app.js"+suffix))
		if err != nil {
			t.Fatal(err)
		}
		if !fi.ModTime().Equal(old) {
			t.Errorf("app.js%s modified %v, want %v as app.js", suffix, fi.ModTime(), old)
		}
	}

	// The gzip header names no file and no time (RFC 1952: FLG is byte 3,
	// MTIME bytes 4-7; FNAME is flag 0x08, FCOMMENT 0x10).
	gz := got["app.js.gz"]
	if gz[3]&0x18 != 0 || !bytes.Equal(gz[4:8], []byte{0, 0, 0, 0}) {
		t.Errorf("app.js.gz header % x, want no FNAME/FCOMMENT and MTIME 0", gz[:10])
	}

	// A second run on the unchanged tree writes the same bytes and removes
	// nothing.
	out.Reset()
	if err := run([]string{dir}, &out); err != nil {
		t.Fatalf("second run(%s) = %v", dir, err)
	}
	again := listing(t, dir)
	if len(again) != len(got) {
		t.Errorf("second run(%s): %d files, want %d as after the first", dir, len(again), len(got))
	}
	for name, data := range got {
		if !bytes.Equal(again[name], data) {
			t.Errorf("second run(%s) changed %s: not deterministic", dir, name)
		}
	}
	if !strings.Contains(out.String(), "0 stale removed") {
		t.Errorf("second run(%s) printed %q, want 0 stale removed", dir, out.String())
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f.txt")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for i, args := range [][]string{
		nil,
		{dir, dir},
		{"-h"},
		{filepath.Join(dir, "missing")},
		{file},
	} {
		if err := run(args, io.Discard); err == nil {
			t.Errorf("%d: run(%q) = nil, want an error", i, args)
		}
	}
}
