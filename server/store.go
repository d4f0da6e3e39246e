package server

import (
	"context"
	"errors"
)

// ErrNotFound is returned by [Store.Get] when no value is stored under id.
var ErrNotFound = errors.New("server: not found")

// Store keeps the small blobs behind share links: a file store natively, a
// Workers KV namespace in the Worker.
type Store interface {
	// Put stores data under id, replacing any previous value.
	Put(ctx context.Context, id string, data []byte) error
	// Get returns the data stored under id, or an error wrapping ErrNotFound.
	Get(ctx context.Context, id string) ([]byte, error)
}
