package prob_test

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"

	"github.com/aimath/playground/core/figure"
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/lessontest"
	"github.com/aimath/playground/lesson/prob"
)

// rendererFallbacks are the symbols visual/ replaces because the Go fonts
// lack them (visual/render.go glyphFallbacks).
const rendererFallbacks = "‖ᵀ⟨⟩∇⌊⌋⋆⊙∘⊗ʰᵏₜ"

// TestCanvasGlyphs: every character of every canvas label, in every
// view, is in the Go fonts the canvas draws with (or replaced by the
// renderer), so that no label shows a missing-glyph box.
func TestCanvasGlyphs(t *testing.T) {
	var fonts []*sfnt.Font
	for _, ttf := range [][]byte{goregular.TTF, gobold.TTF} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			t.Fatal(err)
		}
		fonts = append(fonts, f)
	}
	var buf sfnt.Buffer
	missing := map[rune][]string{}
	states := append(slices.Clone(stringStates), "view=dist&dist=t", "view=dist&dist=categorical&probs=1,2", "view=expect&dist=beta",
		"view=dist&dist=lognormal", "view=dist&dist=laplace", "view=dist&dist=binomial", "view=dist&dist=geometric", "view=dist&dist=bernoulli",
		"view=dist&dist=gamma", "view=dist&dist=exponential", "view=montecarlo&integral=f")
	for _, state := range states {
		r := lessontest.Open(t, prob.Info, state)
		r.Pointer(lesson.Pointer{Phase: lesson.Move, Panel: "pdf", At: figure.Vec{X: 0.5}})
		r.Act(lesson.ActStep)
		f, err := r.Figure(800, 500)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range f.Panels {
			texts := []string{p.Title, p.Axes.XLabel, p.Axes.YLabel}
			for _, it := range p.Items {
				if tx, ok := it.(figure.Text); ok {
					texts = append(texts, tx.S)
				}
			}
			for _, s := range texts {
				for _, c := range s {
					if strings.ContainsRune(rendererFallbacks, c) {
						continue
					}
					for _, font := range fonts {
						if i, err := font.GlyphIndex(&buf, c); err != nil || i == 0 {
							missing[c] = append(missing[c], s)
							break
						}
					}
				}
			}
		}
	}
	for c, in := range missing {
		t.Errorf("%q (U+%04X) is not in the Go fonts: %q", c, c, slices.Compact(in))
	}
}
