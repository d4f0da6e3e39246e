package server_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/aimath/playground/server"
	"github.com/aimath/playground/server/storetest"
)

func TestMemStore(t *testing.T) {
	storetest.Run(t, func(*testing.T) server.Store { return new(server.MemStore) })
}

func TestFileStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) server.Store {
		s, err := server.OpenFileStore(filepath.Join(t.TempDir(), "data"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestFileStoreLayout checks what a FileStore leaves on disk: one file per
// key holding exactly the value, private modes, no temporary files, and
// values that a new FileStore on the same directory reads back.
func TestFileStoreLayout(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "a", "data")
	s, err := server.OpenFileStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"one", "two", "one"} {
		if err := s.Put(ctx, k, []byte("value of "+k)); err != nil {
			t.Fatalf("Put(%q) = %v", k, err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 2 || names[0] != "one" || names[1] != "two" {
		t.Errorf("files in %s = %q, want [one two]", dir, names)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "one")); err != nil || string(data) != "value of one" {
		t.Errorf("file one = %q, %v, want %q", data, err, "value of one")
	}
	if runtime.GOOS != "windows" && runtime.GOOS != "js" {
		for name, want := range map[string]os.FileMode{dir: 0o700, filepath.Join(dir, "one"): 0o600} {
			if fi, err := os.Stat(name); err != nil || fi.Mode().Perm() != want {
				t.Errorf("mode of %s = %v, %v, want %v", name, fi.Mode().Perm(), err, want)
			}
		}
	}

	again, err := server.OpenFileStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := again.Get(ctx, "two"); err != nil || string(got) != "value of two" {
		t.Errorf("reopened Get(two) = %q, %v, want %q", got, err, "value of two")
	}
	if again.Dir() != dir {
		t.Errorf("Dir() = %q, want %q", again.Dir(), dir)
	}
}

// TestFileStoreTempFiles stands in for a process killed mid-Put: its
// temporary file is never read as a value, and the next OpenFileStore
// removes it once it is stale (a fresh one may be another process's Put in
// progress).
func TestFileStoreTempFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	stale := filepath.Join(dir, ".tmp-abc-123")
	fresh := filepath.Join(dir, ".tmp-abc-456")
	for _, name := range []string{stale, fresh} {
		if err := os.WriteFile(name, []byte("half a val"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	s, err := server.OpenFileStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale temporary file after OpenFileStore: %v, want it removed", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("fresh temporary file after OpenFileStore: %v, want it kept", err)
	}
	if _, err := s.Get(ctx, "abc"); !errors.Is(err, server.ErrNotFound) {
		t.Errorf("Get(abc) with only a temporary file = %v, want ErrNotFound", err)
	}
}

func TestFileStoreErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := server.OpenFileStore(filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(s.Dir()); err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ctx, "k", []byte("v")); err == nil || errors.Is(err, server.ErrInvalidKey) {
		t.Errorf("Put into a removed directory = %v, want an I/O error", err)
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.Put(canceled, "k", []byte("v")); !errors.Is(err, context.Canceled) {
		t.Errorf("Put with a canceled context = %v, want context.Canceled", err)
	}
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := server.OpenFileStore(file); err == nil {
		t.Errorf("OpenFileStore(a regular file) = nil error, want one")
	}
}
