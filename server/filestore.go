package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// FileStore is a Store that keeps one file per key in a directory: the file
// named key holds the value, nothing else. A server owns its directory.
//
// Put is crash-safe: it writes a temporary file in the same directory,
// fsyncs it, renames it over the key's file and fsyncs the directory, so a
// key's file is always a complete value (old or new) and a value Put has
// returned for survives the process being killed, or the machine losing
// power on file systems that honour fsync.
type FileStore struct {
	dir string
}

var _ Store = (*FileStore)(nil)

// tempPrefix starts the names of files being written; keys never start
// with '.', so these never read as values.
const tempPrefix = ".tmp-"

// staleTemp is the age past which OpenFileStore removes a temporary file
// left by a killed process; younger ones may belong to a Put in progress
// in another process that briefly shares the directory.
const staleTemp = time.Minute

// OpenFileStore returns a FileStore in dir, creating the directory if
// needed (mode 0700: share ids are secrets of a sort) and removing stale
// temporary files.
func OpenFileStore(dir string) (*FileStore, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), tempPrefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleTemp {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
	return &FileStore{dir: dir}, nil
}

// Dir returns the store's directory.
func (s *FileStore) Dir() string { return s.dir }

// Put implements Store.
func (s *FileStore) Put(ctx context.Context, key string, data []byte) error {
	if !ValidKey(key) {
		return invalidKey(key)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	f, err := os.CreateTemp(s.dir, tempPrefix+key+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(s.dir, key))
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("server: storing %s: %w", key, err)
	}
	// The rename is durable only once the directory is.
	if err := syncDir(s.dir); err != nil {
		return fmt.Errorf("server: storing %s: %w", key, err)
	}
	return nil
}

// Get implements Store.
func (s *FileStore) Get(_ context.Context, key string) ([]byte, error) {
	if !ValidKey(key) {
		return nil, notFound(key)
	}
	data, err := os.ReadFile(filepath.Join(s.dir, key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, notFound(key)
	}
	return data, err
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
