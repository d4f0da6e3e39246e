package server

import (
	"strconv"
	"strings"
)

// coding is a content coding the server can send from a precompressed file.
type coding struct {
	name   string // as in Accept-Encoding and Content-Encoding
	suffix string // appended to the original's file name
}

// codings in order of preference when the client weighs them equally:
// brotli files are smaller.
var codings = [...]coding{{"br", ".br"}, {"gzip", ".gz"}}

// acceptEncoding holds the quality values of an Accept-Encoding header,
// keyed by lower-case coding name ("*" included).
type acceptEncoding map[string]float64

// parseAcceptEncoding parses the Accept-Encoding field lines of a request
// (RFC 9110, section 12.5.3). Members with a malformed weight are ignored,
// as is a repeated coding after its first mention; "x-gzip" means "gzip".
func parseAcceptEncoding(lines []string) acceptEncoding {
	a := acceptEncoding{}
	for _, line := range lines {
		for member := range strings.SplitSeq(line, ",") {
			name, params, _ := strings.Cut(member, ";")
			name = strings.ToLower(strings.TrimSpace(name))
			if name == "" {
				continue
			}
			if name == "x-gzip" {
				name = "gzip"
			}
			q, ok := weight(params)
			if !ok {
				continue
			}
			if _, seen := a[name]; !seen {
				a[name] = q
			}
		}
	}
	return a
}

// weight returns the q parameter among params (";"-separated), 1 if absent.
func weight(params string) (float64, bool) {
	q := 1.0
	for param := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(param, "=")
		if !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		var err error
		q, err = strconv.ParseFloat(strings.TrimSpace(v), 64)
		// The negation also rejects NaN.
		if err != nil || !(q >= 0 && q <= 1) {
			return 0, false
		}
	}
	return q, true
}

// q returns the weight the client gives coding: its own entry, else the
// "*" entry, else 0, since a coding the header does not list is not
// acceptable (an absent header gives an empty map, so only identity).
func (a acceptEncoding) q(coding string) float64 {
	if q, ok := a[coding]; ok {
		return q
	}
	return a["*"]
}
