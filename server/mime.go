package server

import (
	"path"
	"strings"
)

// contentTypes is fixed here rather than read from mime.TypeByExtension,
// whose answers depend on the host's /etc/mime.types or registry.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json; charset=utf-8",
	".wasm":        "application/wasm",
	".svg":         "image/svg+xml; charset=utf-8",
	".png":         "image/png",
	".ico":         "image/vnd.microsoft.icon",
	".txt":         "text/plain; charset=utf-8",
	".webmanifest": "application/manifest+json; charset=utf-8",
}

// contentType returns the Content-Type served for a file name, judged by its
// extension. Unknown extensions are application/octet-stream, which with
// nosniff is never rendered as a page.
func contentType(name string) string {
	if t, ok := contentTypes[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	return "application/octet-stream"
}
