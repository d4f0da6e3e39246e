// Package param is the schema of a lesson's parameters and the values that
// follow it.
//
// Rules of the package:
//   - A Spec is declared by a lesson; a malformed Spec is a programming error
//     and New panics on it.
//   - A Values always holds a valid value for every spec: Set and Decode clamp
//     numbers into range and refuse anything else with an error, leaving the
//     stored value unchanged. User input (URL, controls, bridge calls) only
//     ever reaches a lesson through them, so lessons never see NaN, unknown
//     choices or ragged matrices.
//   - The URL form (Encode/Decode) is a plain query string in spec order;
//     Decode(Encode()) restores every value exactly.
package param
