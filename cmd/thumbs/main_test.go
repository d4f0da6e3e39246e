package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the pictures in web/img")

// imgDir is the page's picture folder, from this package's folder.
var imgDir = filepath.Join("..", "..", "web", "img")

// TestGolden checks that the pictures the page loads are exactly what the
// program writes, and that no stale picture is left beside them.
func TestGolden(t *testing.T) {
	if *update {
		if err := write(imgDir); err != nil {
			t.Fatal(err)
		}
	}
	var want []string
	for _, name := range names() {
		got, err := render(name)
		if err != nil {
			t.Fatalf("render(%q): %v", name, err)
		}
		file := fileName(name)
		want = append(want, file)
		old, err := os.ReadFile(filepath.Join(imgDir, file))
		if err != nil {
			t.Errorf("%v (run go test ./cmd/thumbs -update)", err)
			continue
		}
		if !bytes.Equal(old, got) {
			t.Errorf("web/img/%s differs from render(%q): run go test ./cmd/thumbs -update", file, name)
		}
	}
	found, err := filepath.Glob(filepath.Join(imgDir, "dataset-*.svg"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		if !slices.Contains(want, filepath.Base(f)) {
			t.Errorf("web/img/%s is not a picture of a data set: remove it", filepath.Base(f))
		}
	}
}

// TestPictures checks what every picture holds: an SVG of the right size,
// points (or the pencil), and nothing the page's CSP or an <img> would
// refuse.
func TestPictures(t *testing.T) {
	for i, tc := range []struct {
		name    string
		circles int
		colours []string
	}{
		{"circle", 200, []string{"#e69f00", "#0072b2"}},
		{"xor", 200, []string{"#e69f00", "#0072b2"}},
		{"gauss", 200, []string{"#e69f00", "#0072b2"}},
		{"spiral", 200, []string{"#e69f00", "#0072b2"}},
		{"spiral3", 200, []string{"#0072b2", "#e69f00", "#009e73"}},
		{"blobs4", 200, []string{"#e69f00", "#0072b2", "#009e73", "#cc79a7"}},
		{"reg-plane", 200, nil},
		{"reg-gauss", 200, nil},
		{"custom", len(customPoints), []string{"#e69f00", "#0072b2", "#f0e442"}},
	} {
		b, err := render(tc.name)
		if err != nil {
			t.Fatalf("%d: render(%q): %v", i, tc.name, err)
		}
		s := string(b)
		if !strings.HasPrefix(s, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">`) {
			t.Errorf("%d: render(%q) starts %.80q, want a 64×64 SVG", i, tc.name, s)
		}
		if got := strings.Count(s, "<circle "); got != tc.circles {
			t.Errorf("%d: render(%q) has %d circles, want %d", i, tc.name, got, tc.circles)
		}
		for _, c := range tc.colours {
			if !strings.Contains(s, `fill="`+c+`"`) {
				t.Errorf("%d: render(%q) has no fill %s", i, tc.name, c)
			}
		}
		if strings.HasPrefix(tc.name, "reg-") {
			if got := len(regexp.MustCompile(`fill="#(e69f00|0072b2)" fill-opacity="(0\.\d+|1)"`).FindAllString(s, -1)); got != tc.circles {
				t.Errorf("%d: render(%q) has %d coloured points, want %d", i, tc.name, got, tc.circles)
			}
		}
		for _, bad := range []string{"style=", "<script", "href", "url("} {
			if strings.Contains(s, bad) {
				t.Errorf("%d: render(%q) contains %q", i, tc.name, bad)
			}
		}
	}
	if _, err := render("nope"); err == nil {
		t.Error(`render("nope") = nil error, want an unknown data set`)
	}
}

func TestValueFill(t *testing.T) {
	for i, tc := range []struct {
		v       float64
		fill    string
		opacity float64
	}{
		{-1, "#0072b2", 1},
		{-0.5, "#0072b2", 0.75},
		{0, "#e69f00", 0.25},
		{0.3, "#e69f00", 0.55},
		{0.9, "#e69f00", 1},
	} {
		fill, opacity := valueFill(tc.v)
		if fill != tc.fill || opacity != tc.opacity {
			t.Errorf("%d: valueFill(%g) = %s, %g, want %s, %g", i, tc.v, fill, opacity, tc.fill, tc.opacity)
		}
	}
}
