package server

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// ErrNotFound is returned by [Store.Get] when no value is stored under id.
var ErrNotFound = errors.New("server: not found")

// ErrInvalidKey is returned by [Store.Put] for a key outside [ValidKey].
var ErrInvalidKey = errors.New("server: invalid key")

// Store keeps the small blobs behind share links: a [FileStore] natively, a
// Workers KV namespace in the Worker (cmd/worker/edge). The conformance
// suite in server/storetest states the contract every implementation keeps.
type Store interface {
	// Put stores a copy of data under key, replacing any previous value. A
	// nil error means the value is durable: a later Get returns it, even
	// after the process is killed. Keys outside ValidKey are refused with
	// an error wrapping ErrInvalidKey.
	Put(ctx context.Context, key string, data []byte) error
	// Get returns a copy of the data stored under key, or an error
	// wrapping ErrNotFound (always so for a key outside ValidKey).
	Get(ctx context.Context, key string) ([]byte, error)
}

// MaxKeyLen is the longest key a Store accepts.
const MaxKeyLen = 128

// ValidKey reports whether key may name a value in a Store: 1 to
// [MaxKeyLen] bytes of ASCII letters, digits, '-' and '_'. Keys are file
// names in a FileStore, so nothing else is allowed.
func ValidKey(key string) bool {
	if key == "" || len(key) > MaxKeyLen {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

func invalidKey(key string) error {
	return fmt.Errorf("%w %.*q", ErrInvalidKey, 40, key)
}

func notFound(key string) error {
	return fmt.Errorf("%w: %.*q", ErrNotFound, 40, key)
}

// MemStore is a Store in memory, for tests and for servers whose share
// links need not outlive the process. The zero value is ready to use.
type MemStore struct {
	mu sync.Mutex
	m  map[string][]byte
}

var _ Store = (*MemStore)(nil)

// Put implements Store.
func (s *MemStore) Put(_ context.Context, key string, data []byte) error {
	if !ValidKey(key) {
		return invalidKey(key)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = make(map[string][]byte)
	}
	s.m[key] = append([]byte{}, data...)
	return nil
}

// Get implements Store.
func (s *MemStore) Get(_ context.Context, key string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	data, ok := s.m[key]
	if !ok {
		return nil, notFound(key)
	}
	return append([]byte{}, data...), nil
}
