package server

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"sync"
	"time"
)

// Limiter decides whether a client may create one more share now. The
// Worker uses a Workers rate-limit binding (its instances share no memory);
// natively, [Buckets] does.
type Limiter interface {
	// Allow takes one request from client's allowance. When it refuses,
	// retry says how long until the client may try again (0 if unknown).
	Allow(ctx context.Context, client string) (ok bool, retry time.Duration, err error)
}

// Buckets is a Limiter in memory: one token bucket per client, which
// holds at most burst tokens and gains one every interval; each request
// takes one. It tracks at most maxClients clients: when that many are
// mid-bucket, new clients are refused until some refill, so a flood of
// addresses costs bounded memory.
type Buckets struct {
	every      time.Duration
	burst      float64
	maxClients int
	now        func() time.Time // injected by tests

	mu sync.Mutex
	m  map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

var _ Limiter = (*Buckets)(nil)

// defaultMaxClients bounds Buckets' memory to about a megabyte.
const defaultMaxClients = 10000

// NewBuckets returns a Limiter that allows each client burst requests at
// once and one more every interval. It panics unless interval > 0 and
// burst >= 1.
func NewBuckets(every time.Duration, burst int) *Buckets {
	if every <= 0 || burst < 1 {
		panic("server: NewBuckets needs every > 0 and burst >= 1")
	}
	return &Buckets{every: every, burst: float64(burst), maxClients: defaultMaxClients, now: time.Now, m: make(map[string]*bucket)}
}

// Allow implements Limiter.
func (l *Buckets) Allow(_ context.Context, client string) (bool, time.Duration, error) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.m[client]
	if !ok {
		if len(l.m) >= l.maxClients {
			l.prune(now)
		}
		if len(l.m) >= l.maxClients {
			return false, l.every, nil
		}
		b = &bucket{tokens: l.burst, last: now}
		l.m[client] = b
	}
	b.refill(now, l.every, l.burst)
	if b.tokens >= 1 {
		b.tokens--
		return true, 0, nil
	}
	return false, time.Duration((1 - b.tokens) * float64(l.every)), nil
}

func (b *bucket) refill(now time.Time, every time.Duration, burst float64) {
	if elapsed := now.Sub(b.last); elapsed > 0 {
		b.tokens = min(burst, b.tokens+float64(elapsed)/float64(every))
	}
	b.last = now
}

// prune forgets the clients whose buckets have refilled: for them a new
// full bucket is the same.
func (l *Buckets) prune(now time.Time) {
	for c, b := range l.m {
		if b.refill(now, l.every, l.burst); b.tokens >= l.burst {
			delete(l.m, c)
		}
	}
}

// clientKey names the client a rate limit applies to: its IP address from
// RemoteAddr (which the Worker runtime fills from CF-Connecting-IP, with
// no port). An IPv6 client usually has a whole /64 to pick addresses from,
// so the key is the /64.
func clientKey(r *http.Request) string {
	host := r.RemoteAddr
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	ip = ip.Unmap().WithZone("")
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.String()
	}
	return ip.String()
}
