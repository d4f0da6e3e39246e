package server

import (
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/aimath/playground/core/param"
)

const (
	oembedPath = "/oembed"

	// The embed's size when the consumer sets no bound: the README's
	// iframe example, room for the canvas beside the controls.
	embedWidth  = 900
	embedHeight = 640

	providerName = "AI Math Playground"
)

// oembedResponse is a "rich" oEmbed response (oembed.com, section 2.3.4).
type oembedResponse struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	Title        string `json:"title"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
}

// oembed answers GET /oembed?url=URL[&format=json][&maxwidth=W][&maxheight=H]
// for URLs of this site: the page with a state in its hash
// (/#lesson=ID&...) or a share link (/s/ID). The answer's iframe opens the
// page in embed mode at the same state, canonicalized by the lesson's
// schema (pairs the schema refuses are dropped, as the page drops them).
func (h *handler) oembed(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		respondJSON(w, http.StatusMethodNotAllowed, errorResponse{Error: "use GET"})
		return
	}
	q := r.URL.Query()
	if f := q.Get("format"); f != "" && f != "json" {
		respondJSON(w, http.StatusNotImplemented, errorResponse{Error: "only format=json is supported"})
		return
	}
	width, err1 := bound(q, "maxwidth", embedWidth)
	height, err2 := bound(q, "maxheight", embedHeight)
	if err := errors.Join(err1, err2); err != nil {
		respondJSON(w, http.StatusBadRequest, errorResponse{Error: err.Error()})
		return
	}
	u, err := url.Parse(q.Get("url"))
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		respondJSON(w, http.StatusBadRequest, errorResponse{Error: "url must be an http or https URL of this site"})
		return
	}
	if !sameHost(u, r.Host) {
		respondJSON(w, http.StatusNotFound, errorResponse{Error: "url is not on this site"})
		return
	}
	var hash string
	switch {
	case u.Path == "" || u.Path == "/" || u.Path == "/index.html" || u.Path == "/embed.html":
		hash = u.EscapedFragment()
	case strings.HasPrefix(u.Path, linkPrefix):
		id := strings.ToLower(u.Path[len(linkPrefix):])
		if h.store == nil || !validID(id) {
			respondJSON(w, http.StatusNotFound, errorResponse{Error: "no such share link"})
			return
		}
		data, err := h.store.Get(r.Context(), id)
		if errors.Is(err, ErrNotFound) {
			respondJSON(w, http.StatusNotFound, errorResponse{Error: "no such share link"})
			return
		}
		if err != nil {
			h.log.Printf("server: oembed: %v", err)
			respondJSON(w, http.StatusInternalServerError, errorResponse{Error: "could not read the share link; try again later"})
			return
		}
		hash = string(data)
	default:
		respondJSON(w, http.StatusNotFound, errorResponse{Error: "url is not a page of the playground"})
		return
	}
	pairs, _ := url.ParseQuery(hash) // malformed pairs are dropped, as the page drops them
	title, state := providerName, ""
	if id := pairs.Get("lesson"); id != "" {
		in, ok := h.lessons[id]
		if !ok {
			respondJSON(w, http.StatusNotFound, errorResponse{Error: fmt.Sprintf("unknown lesson %.*q", 40, id)})
			return
		}
		vals := param.New(in.Params)
		vals.Decode(hash, "lesson", "lang", "hide", "embed")
		title += " · " + in.ID
		state = linkValue(in.ID, vals.Encode())
	}
	src := u.Scheme + "://" + u.Host + "/?embed=1"
	if frag := state + pageOptions(pairs.Get("lang"), pairs.Get("hide")); frag != "" {
		src += "#" + strings.TrimPrefix(frag, "&")
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	// Public data: let pages that build embeds in the browser read it.
	w.Header().Set("Access-Control-Allow-Origin", "*")
	respondJSON(w, http.StatusOK, oembedResponse{
		Version:      "1.0",
		Type:         "rich",
		ProviderName: providerName,
		ProviderURL:  u.Scheme + "://" + u.Host + "/",
		Title:        title,
		HTML: fmt.Sprintf(`<iframe src="%s" width="%d" height="%d" title="%s" style="border:0;max-width:100%%" loading="lazy" allow="fullscreen"></iframe>`,
			html.EscapeString(src), width, height, html.EscapeString(title)),
		Width:  width,
		Height: height,
	})
}

// bound returns the smaller of def and the positive integer query
// parameter name, if present.
func bound(q url.Values, name string, def int) (int, error) {
	s := q.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%s must be a positive integer", name)
	}
	return min(n, def), nil
}

// sameHost reports whether u names the host the request was sent to. A
// port that is the default for either scheme is ignored on both sides, so
// that a site behind a TLS proxy still recognizes its https URLs.
func sameHost(u *url.URL, host string) bool {
	trim := func(h string) string {
		h = strings.ToLower(h)
		for _, p := range []string{":80", ":443"} {
			h = strings.TrimSuffix(h, p)
		}
		return h
	}
	return host != "" && trim(u.Host) == trim(host)
}
