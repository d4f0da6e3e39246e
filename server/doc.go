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
// Share links and oEmbed (paths taken before the static files, so dist/
// must not have files at /api/share, /oembed or under /s/):
//   - POST /api/share takes {"lesson": ID, "state": QUERY} as
//     application/json (at most 16 KiB; the state at most 8 KiB). The state
//     is decoded with the lesson's own param schema, as the page does; any
//     pair the schema refuses makes the request a 400 that lists why. The
//     canonical form (param.Values.Encode) is stored under a fresh id of 13
//     base-32 characters from crypto/rand (65 bits), and the answer is 201
//     {"id", "url": "/s/ID", "lesson", "state"}. Requests are rate-limited
//     per client address (an IPv6 /64 counts as one) by [Options.Limiter]:
//     429 with Retry-After. Errors are {"error": message[, "details"]}.
//   - GET /s/ID redirects (302) to /#lesson=ID&STATE; "embed=1" in its
//     query is kept in the query, "lang" and "hide" join the hash. An
//     unknown or malformed id gets a small 404 page in English and Korean
//     with a link home.
//   - GET /oembed?url=URL&format=json[&maxwidth=W&maxheight=H] answers a
//     "rich" oEmbed response whose html is an iframe of /?embed=1#STATE,
//     for URLs of this host only (404 otherwise); format=xml is 501 and a
//     URL that is not http(s) is 400.
//   - A [Store] keeps the shares: [FileStore] natively, Workers KV in the
//     Worker; server/storetest is the contract both pass.
package server
