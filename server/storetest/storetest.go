// Package storetest is the conformance suite of [server.Store]: every
// implementation (the file store, the in-memory store, the Workers KV store
// through wrangler dev) must pass [Run].
//
// Rules:
//   - The suite uses only the Store interface, so a store reached over the
//     network (as the KV store is, from a native test) runs it unchanged.
//   - Each subtest gets a fresh store from newStore and uses its own keys,
//     so a store that cannot be emptied between subtests still passes.
package storetest

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/aimath/playground/server"
)

// Run checks the Store contract on stores made by newStore.
func Run(t *testing.T, newStore func(t *testing.T) server.Store) {
	for _, tc := range []struct {
		name string
		test func(*testing.T, server.Store)
	}{
		{"Missing", testMissing},
		{"RoundTrip", testRoundTrip},
		{"Overwrite", testOverwrite},
		{"Copies", testCopies},
		{"InvalidKeys", testInvalidKeys},
		{"Concurrent", testConcurrent},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.test(t, newStore(t)) })
	}
}

// unique tells this run's keys from those of earlier runs against a
// persistent store.
var unique = strings.ToLower(rand.Text()[:8])

func key(t *testing.T, name string) string {
	return fmt.Sprintf("st_%s_%s_%s", strings.NewReplacer("/", "_").Replace(t.Name()), name, unique)
}

func testMissing(t *testing.T, s server.Store) {
	ctx := context.Background()
	for _, k := range []string{key(t, "never"), "a", strings.Repeat("z", server.MaxKeyLen)} {
		got, err := s.Get(ctx, k)
		if !errors.Is(err, server.ErrNotFound) {
			t.Errorf("Get(%q) = %q, %v, want an error wrapping ErrNotFound", k, got, err)
		}
	}
}

// values are the payloads every store must keep byte for byte. Some look
// like what a JavaScript binding returns for a missing key, or like a
// store's own framing.
func values() map[string][]byte {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	return map[string][]byte{
		"state":     []byte("lesson=gd&f=x%5E2%2B2*x%2B3&lr=0.1&seed=7"),
		"empty":     {},
		"null":      []byte("<null>"),
		"undefined": []byte("<undefined>"),
		"jsnull":    []byte("null"),
		"framed":    []byte("v1:abc"),
		"korean":    []byte("학습률 η = 0.1"),
		"bytes":     all,
		"invalid8":  {0xff, 0xfe, 0x00, 0xc3},
		"large":     bytes.Repeat([]byte("0123456789abcdef"), 4096), // 64 KiB
	}
}

func testRoundTrip(t *testing.T, s server.Store) {
	ctx := context.Background()
	for name, want := range values() {
		k := key(t, name)
		if err := s.Put(ctx, k, want); err != nil {
			t.Errorf("Put(%q, %d bytes) = %v, want nil", k, len(want), err)
			continue
		}
		got, err := s.Get(ctx, k)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("Get(%q) = %.40q (%d bytes), %v; want %.40q (%d bytes)", k, got, len(got), err, want, len(want))
		}
	}
	// Keys at the limits of ValidKey.
	for _, k := range []string{"A", strings.Repeat("x", server.MaxKeyLen-len(unique)) + unique, key(t, "-_09AZaz")} {
		want := []byte("value of " + k)
		if err := s.Put(ctx, k, want); err != nil {
			t.Errorf("Put(%q) = %v, want nil", k, err)
			continue
		}
		if got, err := s.Get(ctx, k); err != nil || !bytes.Equal(got, want) {
			t.Errorf("Get(%q) = %q, %v, want %q", k, got, err, want)
		}
	}
}

func testOverwrite(t *testing.T, s server.Store) {
	ctx := context.Background()
	k, other := key(t, "k"), key(t, "other")
	for i, v := range []string{"first", "second, longer than the first", "3"} {
		if err := s.Put(ctx, k, []byte(v)); err != nil {
			t.Fatalf("%d: Put(%q, %q) = %v", i, k, v, err)
		}
		if got, err := s.Get(ctx, k); err != nil || string(got) != v {
			t.Errorf("%d: Get(%q) after Put %q = %q, %v, want %q", i, k, v, got, err, v)
		}
	}
	if got, err := s.Get(ctx, other); !errors.Is(err, server.ErrNotFound) {
		t.Errorf("Get(%q), never put, = %q, %v, want ErrNotFound", other, got, err)
	}
}

func testCopies(t *testing.T, s server.Store) {
	ctx := context.Background()
	k := key(t, "k")
	data := []byte("original")
	if err := s.Put(ctx, k, data); err != nil {
		t.Fatal(err)
	}
	copy(data, "MUTATED!")
	got, err := s.Get(ctx, k)
	if err != nil || string(got) != "original" {
		t.Fatalf("Get(%q) after the caller changed its slice = %q, %v, want %q", k, got, err, "original")
	}
	copy(got, "CHANGED!")
	if again, err := s.Get(ctx, k); err != nil || string(again) != "original" {
		t.Errorf("Get(%q) after the caller changed a result = %q, %v, want %q", k, again, err, "original")
	}
}

func testInvalidKeys(t *testing.T, s server.Store) {
	ctx := context.Background()
	for i, k := range []string{
		"", ".", "..", "../x", "a/b", `a\b`, "a b", "a.b", "a\x00b", "ключ", "%2e%2e",
		".tmp-x", strings.Repeat("x", server.MaxKeyLen+1),
	} {
		if err := s.Put(ctx, k, []byte("x")); !errors.Is(err, server.ErrInvalidKey) {
			t.Errorf("%d: Put(%q) = %v, want an error wrapping ErrInvalidKey", i, k, err)
		}
		if got, err := s.Get(ctx, k); !errors.Is(err, server.ErrNotFound) {
			t.Errorf("%d: Get(%q) = %q, %v, want an error wrapping ErrNotFound", i, k, got, err)
		}
	}
}

// testConcurrent puts distinct keys from several goroutines, and races
// writers on one key: afterwards every key holds its value, and the shared
// key holds one of the values written, whole.
func testConcurrent(t *testing.T, s server.Store) {
	const workers, each = 8, 6
	ctx := context.Background()
	shared := key(t, "shared")
	written := make(map[string]bool)
	var wg sync.WaitGroup
	errs := make(chan error, workers*each*2)
	for w := range workers {
		v := fmt.Sprintf("writer %d %s", w, strings.Repeat("#", 100*w))
		written[v] = true
		wg.Go(func() {
			for i := range each {
				k := key(t, fmt.Sprintf("w%d_%d", w, i))
				if err := s.Put(ctx, k, []byte(k)); err != nil {
					errs <- fmt.Errorf("Put(%q) = %v", k, err)
				}
				if err := s.Put(ctx, shared, []byte(v)); err != nil {
					errs <- fmt.Errorf("Put(%q) = %v", shared, err)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for w := range workers {
		for i := range each {
			k := key(t, fmt.Sprintf("w%d_%d", w, i))
			if got, err := s.Get(ctx, k); err != nil || string(got) != k {
				t.Errorf("Get(%q) = %q, %v, want %q", k, got, err, k)
			}
		}
	}
	if got, err := s.Get(ctx, shared); err != nil || !written[string(got)] {
		t.Errorf("Get(%q) = %.40q, %v, want one of the values written", shared, got, err)
	}
}
