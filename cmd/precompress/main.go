//go:build !js

// Command precompress writes the precompressed variants that the server
// sends in place of the originals: for each text or wasm file of at least
// 256 bytes under DIR, FILE.br (brotli) and FILE.gz (gzip).
//
//	precompress DIR
//
// Rules:
//   - Output is deterministic: the same input gives the same bytes (the gzip
//     header carries no name and no time), so rebuilds don't churn caches.
//   - A variant is written only when it is smaller than the original.
//   - After a run, the .br and .gz files under DIR are exactly the variants
//     this run wrote: any other, such as one whose original is gone or no
//     longer compresses, is stale and removed. DIR is a build output; the
//     server never sends a .br or .gz file by its own name.
//   - Each variant gets its original's modification time, so all encodings
//     of a file report the same Last-Modified.
//   - Files are replaced atomically (written to a temporary file, renamed),
//     so a server reading DIR never sees half a variant.
package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// compressible lists the extensions worth compressing; images such as PNG
// are compressed already.
var compressible = map[string]bool{
	".html": true, ".js": true, ".mjs": true, ".css": true, ".json": true,
	".wasm": true, ".svg": true, ".txt": true, ".webmanifest": true,
}

// minSize is the smallest file compressed: below it the saving is smaller
// than a TCP packet's headers and the request overhead.
const minSize = 256

// brotliQuality picks the brotli quality for an original of n bytes, the
// highest that keeps a build quick. Measured on a 7.4 MiB Go wasm binary
// (andybalholm/brotli v1.2.0, shared 2-core machine): quality 11 took
// 16-28 s for 1.57 MB of output, quality 10 took 10-13 s for 1.62 MB (+3%),
// quality 9 took 1.1 s for 1.78 MB (+13%). So the playground's ~10 MB wasm
// gets quality 9 (about 1.5 s; 10 would take about 17 s), while text files,
// where 11 is instant, get 11.
func brotliQuality(n int) int {
	switch {
	case n <= 1<<20:
		return brotli.BestCompression
	case n <= 4<<20:
		return 10
	}
	return 9
}

type encoder struct {
	suffix string
	encode func(dst io.Writer, src []byte) error
}

var encoders = [...]encoder{
	{".br", func(dst io.Writer, src []byte) error {
		w := brotli.NewWriterLevel(dst, brotliQuality(len(src)))
		if _, err := w.Write(src); err != nil {
			return err
		}
		return w.Close()
	}},
	{".gz", func(dst io.Writer, src []byte) error {
		// The zero Header has no name and a zero MTIME: deterministic output.
		w, err := gzip.NewWriterLevel(dst, gzip.BestCompression)
		if err != nil {
			return err
		}
		if _, err := w.Write(src); err != nil {
			return err
		}
		return w.Close()
	}},
}

func isVariant(path string) bool {
	for _, e := range encoders {
		if strings.HasSuffix(path, e.suffix) {
			return true
		}
	}
	return false
}

// summary counts what a run did.
type summary struct {
	files   int   // originals of at least minSize bytes
	in      int64 // their total size
	br, gz  int64 // total size of the variants written
	skipped int   // variants not written because they were not smaller
	removed int   // stale variants removed
}

func (s summary) String() string {
	return fmt.Sprintf("%d files (%s) -> br %s, gzip %s; %d variants skipped (not smaller), %d stale removed",
		s.files, size(s.in), size(s.br), size(s.gz), s.skipped, s.removed)
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// precompress writes the variants under dir and removes stale ones.
func precompress(dir string) (summary, error) {
	var (
		s         summary
		originals []string
		variants  []string
	)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		if isVariant(path) {
			variants = append(variants, path)
		} else if compressible[strings.ToLower(filepath.Ext(path))] {
			originals = append(originals, path)
		}
		return nil
	})
	if err != nil {
		return s, err
	}

	written := make(map[string]bool)
	for _, path := range originals {
		fi, err := os.Stat(path)
		if err != nil {
			return s, err
		}
		if fi.Size() < minSize {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return s, err
		}
		s.files++
		s.in += int64(len(data))
		for _, e := range encoders {
			var buf bytes.Buffer
			if err := e.encode(&buf, data); err != nil {
				return s, fmt.Errorf("%s: %w", path, err)
			}
			if buf.Len() >= len(data) {
				s.skipped++
				continue
			}
			if err := writeAtomic(path+e.suffix, buf.Bytes(), fi); err != nil {
				return s, err
			}
			written[path+e.suffix] = true
			if e.suffix == ".br" {
				s.br += int64(buf.Len())
			} else {
				s.gz += int64(buf.Len())
			}
		}
	}

	for _, path := range variants {
		if written[path] {
			continue
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return s, err
		}
		s.removed++
	}
	return s, nil
}

// writeAtomic writes data to path through a temporary file in the same
// directory, then gives it the original's permissions and modification time.
func writeAtomic(path string, data []byte, orig fs.FileInfo) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".precompress-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // fails harmlessly once renamed
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, orig.Mode().Perm())
	}
	if err == nil {
		err = os.Chtimes(tmp, orig.ModTime(), orig.ModTime())
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	return err
}

func run(args []string, stdout io.Writer) error {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		return errors.New("usage: precompress DIR")
	}
	dir := args[0]
	fi, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	s, err := precompress(dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "precompress %s: %v\n", dir, s)
	return nil
}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "precompress:", err)
		os.Exit(1)
	}
}
