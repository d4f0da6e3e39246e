//go:build js && wasm

package edge

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"syscall/js"
	"time"

	"github.com/aimath/playground/server"
	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/kv"
)

// KV is a server.Store in a Workers KV namespace.
//
// Each value is stored as the text "v1:" followed by the data in standard
// base64. The binding's GetString answers "<null>" for a missing key
// (syumai/workers v0.31 and v0.32 stringify the JS null), which must not
// read as a value; with the prefix, any text not written by Put, "<null>"
// included, is a missing key, and bytes that are not UTF-8 survive the JS
// string round trip.
//
// KV is eventually consistent: a value is readable at once where it was
// written, and within about 60 s everywhere else, so a share link opened
// on another continent seconds after it was made may briefly be a 404.
type KV struct {
	ns *kv.Namespace
}

var _ server.Store = (*KV)(nil)

// valuePrefix marks the values Put writes; see KV.
const valuePrefix = "v1:"

// NewKV returns the Store in the KV namespace bound as binding.
func NewKV(binding string) (*KV, error) {
	ns, err := kv.NewNamespace(binding)
	if err != nil {
		return nil, fmt.Errorf("edge: KV binding %s: %w", binding, err)
	}
	return &KV{ns: ns}, nil
}

// Put implements server.Store.
func (s *KV) Put(_ context.Context, key string, data []byte) error {
	if !server.ValidKey(key) {
		return fmt.Errorf("%w %.*q", server.ErrInvalidKey, 40, key)
	}
	if err := s.ns.PutString(key, valuePrefix+base64.StdEncoding.EncodeToString(data), nil); err != nil {
		return fmt.Errorf("edge: KV put %s: %w", key, err)
	}
	return nil
}

// Get implements server.Store.
func (s *KV) Get(_ context.Context, key string) ([]byte, error) {
	if !server.ValidKey(key) {
		return nil, fmt.Errorf("%w: %.*q", server.ErrNotFound, 40, key)
	}
	text, err := s.ns.GetString(key, nil)
	if err != nil {
		return nil, fmt.Errorf("edge: KV get %s: %w", key, err)
	}
	enc, ok := strings.CutPrefix(text, valuePrefix)
	if !ok {
		return nil, fmt.Errorf("%w: %s", server.ErrNotFound, key)
	}
	data, err := base64.StdEncoding.DecodeString(enc)
	if err != nil {
		return nil, fmt.Errorf("edge: KV value of %s is damaged: %w", key, err)
	}
	return data, nil
}

// RateLimit is a server.Limiter backed by a Workers rate-limit binding
// (wrangler "ratelimits": a limit of requests per period per key, counted
// by Cloudflare in each location).
type RateLimit struct {
	binding js.Value
	period  time.Duration
}

var _ server.Limiter = (*RateLimit)(nil)

// NewRateLimit returns the Limiter bound as binding, whose period (10 or
// 60 seconds, as configured) is the Retry-After given to refused clients.
func NewRateLimit(binding string, period time.Duration) (*RateLimit, error) {
	b := cloudflare.GetBinding(binding)
	if b.Type() != js.TypeObject || b.Get("limit").Type() != js.TypeFunction {
		return nil, fmt.Errorf("edge: rate-limit binding %s is missing", binding)
	}
	return &RateLimit{binding: b, period: period}, nil
}

// Allow implements server.Limiter.
func (l *RateLimit) Allow(_ context.Context, client string) (bool, time.Duration, error) {
	opts := js.Global().Get("Object").New()
	opts.Set("key", client)
	res, err := await(l.binding.Call("limit", opts))
	if err != nil {
		return false, 0, fmt.Errorf("edge: rate limit: %w", err)
	}
	if res.Get("success").Bool() {
		return true, 0, nil
	}
	return false, l.period, nil
}

// await waits for a JS promise; call it only from a goroutine that may
// block (a request's), never from a JS callback.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{v: args[0]}
		return nil
	})
	catch := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{err: errors.New(args[0].Call("toString").String())}
		return nil
	})
	defer then.Release()
	defer catch.Release()
	p.Call("then", then, catch)
	r := <-ch
	return r.v, r.err
}
