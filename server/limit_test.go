package server

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"
)

func TestBuckets(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := NewBuckets(3*time.Second, 3)
	l.now = func() time.Time { return now }
	for i, tc := range []struct {
		client string
		wait   time.Duration
		ok     bool
		retry  time.Duration
	}{
		{"a", 0, true, 0},
		{"a", 0, true, 0},
		{"a", 0, true, 0},
		{"a", 0, false, 3 * time.Second},
		{"b", 0, true, 0}, // clients are independent
		{"a", time.Second, false, 2 * time.Second},
		{"a", 2 * time.Second, true, 0},
		{"a", 0, false, 3 * time.Second},
		{"a", time.Hour, true, 0}, // refilled to burst, not beyond
		{"a", 0, true, 0},
		{"a", 0, true, 0},
		{"a", 0, false, 3 * time.Second},
	} {
		now = now.Add(tc.wait)
		ok, retry, err := l.Allow(context.Background(), tc.client)
		if ok != tc.ok || retry != tc.retry || err != nil {
			t.Errorf("%d: Allow(%q) after %v = %t, %v, %v, want %t, %v, nil", i, tc.client, tc.wait, ok, retry, err, tc.ok, tc.retry)
		}
	}
}

func TestBucketsMaxClients(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := NewBuckets(time.Second, 2)
	l.now = func() time.Time { return now }
	l.maxClients = 2
	allow := func(c string) bool {
		ok, _, _ := l.Allow(context.Background(), c)
		return ok
	}
	for _, c := range []string{"a", "a", "b", "b"} {
		if !allow(c) {
			t.Fatalf("Allow(%q) within its burst = false", c)
		}
	}
	if allow("c") {
		t.Errorf("Allow(c) with 2 clients mid-bucket and maxClients 2 = true, want false")
	}
	now = now.Add(time.Second)
	if allow("c") {
		t.Errorf("Allow(c) before a and b refilled = true, want false")
	}
	now = now.Add(time.Second)
	if !allow("c") || len(l.m) != 1 {
		t.Errorf("Allow(c) after a and b refilled: %d clients tracked, want c alone", len(l.m))
	}
}

func TestNewBucketsPanics(t *testing.T) {
	for i, tc := range []struct {
		every time.Duration
		burst int
	}{{0, 1}, {-time.Second, 1}, {time.Second, 0}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%d: NewBuckets(%v, %d) did not panic", i, tc.every, tc.burst)
				}
			}()
			NewBuckets(tc.every, tc.burst)
		}()
	}
}

func TestClientKey(t *testing.T) {
	for i, tc := range []struct{ remote, want string }{
		{"192.0.2.1:1234", "192.0.2.1"},
		{"192.0.2.1", "192.0.2.1"}, // the Worker runtime: CF-Connecting-IP, no port
		{"[2001:db8::1]:80", "2001:db8::/64"},
		{"2001:db8:0:0:1:2:3:4", "2001:db8::/64"},
		{"2001:db8:0:7:1:2:3:4", "2001:db8:0:7::/64"},
		{"[::ffff:192.0.2.1]:5", "192.0.2.1"},
		{"[fe80::1%eth0]:80", "fe80::/64"},
		{"", ""},
		{"garbage", "garbage"},
	} {
		r := httptest.NewRequest("POST", "/api/share", nil)
		r.RemoteAddr = tc.remote
		if got := clientKey(r); got != tc.want {
			t.Errorf("%d: clientKey(RemoteAddr %q) = %q, want %q", i, tc.remote, got, tc.want)
		}
	}
}
