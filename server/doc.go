// Package server is the HTTP side of the playground: an [http.Handler] that
// serves the built dist/ folder, used by cmd/serve natively and, compiled to
// WebAssembly, by the Cloudflare Worker.
//
// Rules:
//   - Only files inside [Options.Root] are served. A request path must be a
//     valid [fs.ValidPath] name once its leading slash is removed; "..",
//     backslashes and NUL bytes are refused with 400, whatever their
//     encoding in the URL. Directory listings are never shown: a path ending
//     in "/" serves that directory's index.html or 404.
//   - Static files answer GET and HEAD only; other methods get 405 with an
//     Allow header.
//   - Content-Type comes from a fixed table keyed by extension, never from
//     the host's MIME database, so every machine serves the same headers.
//     Text types carry charset=utf-8; unknown extensions are
//     application/octet-stream.
//   - FILE.br and FILE.gz are precompressed variants of FILE (written by
//     cmd/precompress). They are served only in place of FILE, chosen from
//     Accept-Encoding, with FILE's Content-Type; requesting them by name is a
//     404. Every response for a file that has a variant says
//     "Vary: Accept-Encoding".
//   - Every file response carries "Cache-Control: no-cache" and a strong ETag
//     derived from the SHA-256 of the bytes actually sent, so each encoding
//     has its own ETag. Hashes are computed once per file version (path,
//     modification time, size) and kept in memory.
//   - Every response, errors included, carries the security headers (CSP,
//     nosniff, referrer policy). The CSP does not restrict framing, because
//     lessons are embedded in course pages.
//   - The handler is a failure boundary: a panic while serving becomes a 500
//     response, never a dead process (the Worker runtime has no
//     http.Server to recover it).
//
// [Store] is the storage behind share links; [Options.Store] may be nil and
// is not used by the static file handler.
package server
