// Package bridge is the JS face of the Go program: one global object
// (aimath) whose methods the page calls, documented in README.md.
//
// Rules of the package:
//   - It is the boundary where panics become errors: every method recovers
//     and returns {error: "..."}; garbage arguments (wrong types, NaN, huge
//     strings, deep arrays, unknown names) are refused the same way.
//   - It holds no lesson logic: it converts arguments, calls lesson.Runner
//     and converts results (through JSON, so JS gets plain objects).
//   - Nothing here blocks the JS event loop: changes reach the page from a
//     goroutine of their own (onChange), at most five times a second.
package bridge
