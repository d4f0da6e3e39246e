package server

import (
	"crypto/sha256"
	"encoding/base64"
	"io"
	"io/fs"
	"sync"
	"time"
)

// etagCache remembers the ETag of each file version it has hashed, so a file
// is read twice (hash, then send) only on its first request.
type etagCache struct {
	mu sync.Mutex
	m  map[string]etagEntry // by file name; one entry per name, the latest version
}

// etagEntry identifies a file version by modification time and size, the
// quick check rsync uses.
type etagEntry struct {
	modTime time.Time
	size    int64
	etag    string
}

func newETagCache() *etagCache {
	return &etagCache{m: make(map[string]etagEntry)}
}

func (c *etagCache) get(name string, fi fs.FileInfo) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[name]
	if !ok || !e.modTime.Equal(fi.ModTime()) || e.size != fi.Size() {
		return "", false
	}
	return e.etag, true
}

func (c *etagCache) put(name string, fi fs.FileInfo, etag string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[name] = etagEntry{modTime: fi.ModTime(), size: fi.Size(), etag: etag}
}

// hashETag returns a strong ETag for the bytes of r: its SHA-256, quoted.
func hashETag(r io.Reader) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return `"` + base64.RawURLEncoding.EncodeToString(h.Sum(nil)) + `"`, nil
}
