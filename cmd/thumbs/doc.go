// Command thumbs writes the pictures of the neural-network lesson's data
// sets that the page shows in its dataset picker (web/img/dataset-*.svg):
// one small SVG per set, the set's points as lesson nn draws them from
// core/nn.Dataset.
//
//	go run ./cmd/thumbs [-dir web/img]
//
// Rules:
//   - The files are build inputs kept in the repository: the page loads
//     them as they are. TestGolden fails when they differ from what this
//     program writes; `go test ./cmd/thumbs -update` rewrites them.
//   - Output is deterministic: fixed seed, fixed rounding, fixed order.
//   - Plain SVG with presentation attributes only (no style attribute,
//     script or external reference), so the page's CSP (img-src 'self')
//     shows them and nothing in them can run.
//   - Colours are lesson nn's, from the figure palette (core/figure): the
//     two classes blue (label −1, class 0) and orange (+1, class 1), green
//     and purple for the third and fourth class; regression values orange
//     when positive and blue when negative, more opaque the larger.
package main
