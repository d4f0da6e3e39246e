package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/aimath/playground/lesson"
)

func TestOEmbed(t *testing.T) {
	store := new(MemStore)
	const id = "0123456789abc"
	store.Put(context.Background(), id, []byte("lesson=demo&lr=0.25&view=b&f=x%5E2"))
	h := shareHandler(store, nil, nil)
	const demoTitle = "AI Math Playground · demo"
	for i, tc := range []struct {
		url, extra    string // extra: more query parameters
		src, title    string
		width, height int
	}{
		{"http://example.com/#lesson=demo&lr=0.5", "",
			"http://example.com/?embed=1#lesson=demo&lr=0.5&view=a&f=x%5E2", demoTitle, 900, 640},
		{"http://example.com/#lesson=demo&lr=0.5", "&format=json&maxwidth=600&maxheight=400",
			"http://example.com/?embed=1#lesson=demo&lr=0.5&view=a&f=x%5E2", demoTitle, 600, 400},
		{"http://example.com/index.html#lesson=demo", "&maxwidth=2000&maxheight=2000",
			"http://example.com/?embed=1#lesson=demo&" + demoDefaults, demoTitle, 900, 640},
		{"https://EXAMPLE.com:443/#lesson=demo&lr=abc&view=b&junk=1&lang=ko&hide=lr,f", "",
			"https://EXAMPLE.com:443/?embed=1#lesson=demo&lr=0.1&view=b&f=x%5E2&lang=ko&hide=lr%2Cf", demoTitle, 900, 640},
		{"http://example.com/#lesson=demo&lang=xx&hide=%22%3E%3Cscript%3E", "",
			"http://example.com/?embed=1#lesson=demo&" + demoDefaults, demoTitle, 900, 640},
		{"http://example.com/embed.html?embed=1#lesson=demo&f=sin(x)", "",
			"http://example.com/?embed=1#lesson=demo&lr=0.1&view=a&f=sin%28x%29", demoTitle, 900, 640},
		{"http://example.com/s/" + id, "",
			"http://example.com/?embed=1#lesson=demo&lr=0.25&view=b&f=x%5E2", demoTitle, 900, 640},
		{"http://example.com/s/" + strings.ToUpper(id), "&maxheight=1",
			"http://example.com/?embed=1#lesson=demo&lr=0.25&view=b&f=x%5E2", demoTitle, 900, 1},
		{"http://example.com/", "", "http://example.com/?embed=1", "AI Math Playground", 900, 640},
		{"http://example.com", "", "http://example.com/?embed=1", "AI Math Playground", 900, 640},
	} {
		target := "/oembed?url=" + url.QueryEscape(tc.url) + tc.extra
		res := do(t, h, http.MethodGet, target)
		if res.code != http.StatusOK {
			t.Errorf("%d: GET %s = %d %s, want 200", i, target, res.code, res.body)
			continue
		}
		var got oembedResponse
		if err := json.Unmarshal([]byte(res.body), &got); err != nil {
			t.Errorf("%d: GET %s: body %q: %v", i, target, res.body, err)
			continue
		}
		base := strings.SplitN(tc.url, "/", 4)
		want := oembedResponse{
			Version: "1.0", Type: "rich", ProviderName: "AI Math Playground",
			ProviderURL: base[0] + "//" + base[2] + "/", Title: tc.title, Width: tc.width, Height: tc.height,
			HTML: `<iframe src="` + strings.ReplaceAll(tc.src, "&", "&amp;") + `" width="` + strconv.Itoa(tc.width) + `" height="` + strconv.Itoa(tc.height) +
				`" title="` + tc.title + `" style="border:0;max-width:100%" loading="lazy" allow="fullscreen"></iframe>`,
		}
		if got != want {
			t.Errorf("%d: GET %s =\n%+v\nwant\n%+v", i, target, got, want)
		}
		for k, v := range map[string]string{"Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=3600"} {
			if res.header.Get(k) != v {
				t.Errorf("%d: GET %s: %s = %q, want %q", i, target, k, res.header.Get(k), v)
			}
		}
	}
}

func TestOEmbedErrors(t *testing.T) {
	h := shareHandler(new(MemStore), nil, nil)
	for i, tc := range []struct {
		query string
		code  int
	}{
		{"url=" + url.QueryEscape("http://example.com/#lesson=demo") + "&format=xml", http.StatusNotImplemented},
		{"url=" + url.QueryEscape("http://example.com/#lesson=demo") + "&format=yaml", http.StatusNotImplemented},
		{"", http.StatusBadRequest},
		{"url=", http.StatusBadRequest},
		{"url=notaurl", http.StatusBadRequest},
		{"url=%2Frelative%23lesson%3Ddemo", http.StatusBadRequest},
		{"url=" + url.QueryEscape("ftp://example.com/"), http.StatusBadRequest},
		{"url=" + url.QueryEscape("javascript:alert(1)"), http.StatusBadRequest},
		{"url=" + url.QueryEscape("http://%zz/"), http.StatusBadRequest},
		{"url=" + url.QueryEscape("http://example.com/") + "&maxwidth=0", http.StatusBadRequest},
		{"url=" + url.QueryEscape("http://example.com/") + "&maxwidth=-5", http.StatusBadRequest},
		{"url=" + url.QueryEscape("http://example.com/") + "&maxheight=abc", http.StatusBadRequest},
		{"url=" + url.QueryEscape("http://evil.example/#lesson=demo"), http.StatusNotFound},
		{"url=" + url.QueryEscape("http://example.com.evil.example/"), http.StatusNotFound},
		{"url=" + url.QueryEscape("http://example.com:8080/#lesson=demo"), http.StatusNotFound},
		{"url=" + url.QueryEscape("http://example.com/app.js"), http.StatusNotFound},
		{"url=" + url.QueryEscape("http://example.com/#lesson=nosuch"), http.StatusNotFound},
		{"url=" + url.QueryEscape("http://example.com/s/0123456789abc"), http.StatusNotFound},
		{"url=" + url.QueryEscape("http://example.com/s/nope"), http.StatusNotFound},
	} {
		res := do(t, h, http.MethodGet, "/oembed?"+tc.query)
		var got errorResponse
		if err := json.Unmarshal([]byte(res.body), &got); res.code != tc.code || err != nil || got.Error == "" {
			t.Errorf("%d: GET /oembed?%s = %d %q, want %d with a JSON error", i, tc.query, res.code, res.body, tc.code)
		}
	}
	if res := do(t, h, http.MethodPost, "/oembed?url=http%3A%2F%2Fexample.com%2F"); res.code != http.StatusMethodNotAllowed {
		t.Errorf("POST /oembed = %d, want 405", res.code)
	}
	// Without a store, share URLs are unknown; page URLs still work.
	h = New(Options{Root: site(), Lessons: []lesson.Info{demo}})
	if res := do(t, h, http.MethodGet, "/oembed?url="+url.QueryEscape("http://example.com/s/0123456789abc")); res.code != http.StatusNotFound {
		t.Errorf("GET /oembed for a share link without a store = %d, want 404", res.code)
	}
	if res := do(t, h, http.MethodGet, "/oembed?url="+url.QueryEscape("http://example.com/#lesson=demo")); res.code != http.StatusOK {
		t.Errorf("GET /oembed for a page without a store = %d, want 200", res.code)
	}
	h = shareHandler(failStore{}, nil, nil)
	if res := do(t, h, http.MethodGet, "/oembed?url="+url.QueryEscape("http://example.com/s/0123456789abc")); res.code != http.StatusInternalServerError {
		t.Errorf("GET /oembed for a share link on a failing store = %d, want 500", res.code)
	}
}

func TestSameHost(t *testing.T) {
	for i, tc := range []struct {
		url, host string
		want      bool
	}{
		{"http://example.com/", "example.com", true},
		{"https://example.com/", "example.com", true},
		{"https://example.com:443/", "example.com", true},
		{"http://example.com/", "example.com:80", true},
		{"http://Example.COM/", "example.com", true},
		{"http://127.0.0.1:8080/", "127.0.0.1:8080", true},
		{"http://127.0.0.1:8080/", "127.0.0.1:8081", false},
		{"http://127.0.0.1:8080/", "127.0.0.1", false},
		{"http://[::1]:8080/", "[::1]:8080", true},
		{"http://example.com:8080/", "example.com:80", false},
		{"http://example.com/", "", false},
		{"http://user@example.com/", "example.com", true},
	} {
		u, err := url.Parse(tc.url)
		if err != nil {
			t.Fatal(err)
		}
		if got := sameHost(u, tc.host); got != tc.want {
			t.Errorf("%d: sameHost(%s, %q) = %t, want %t", i, tc.url, tc.host, got, tc.want)
		}
	}
}
