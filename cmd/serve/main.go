//go:build !js

// Command serve runs the playground on this machine: it serves a built
// dist/ folder through package server, with share links kept in a
// directory. It is what `make run` starts; it needs no account or cloud.
//
//	serve [-addr 127.0.0.1:8080] [-dir dist] [-data data] [-share-limit 20]
//
// It listens on the loopback interface unless -addr says otherwise, and
// stops gracefully on SIGINT or SIGTERM, letting requests in flight finish.
// Share links are files in the -data directory (created if missing; one
// server per directory), written crash-safely: a share the server has
// answered 201 for survives the process being killed. -share-limit bounds
// the shares each client address may create per minute, in bursts of half
// that; 0 turns the limit off. Behind a reverse proxy every client has the
// proxy's address, so raise or drop the limit there.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/aimath/playground/lesson/catalog"
	"github.com/aimath/playground/server"
)

// errUsage reports bad flags; the FlagSet has already printed why.
var errUsage = errors.New("usage")

// shutdownTimeout bounds how long a stop waits for requests in flight.
const shutdownTimeout = 5 * time.Second

// defaultAddr is the loopback address on $PORT, or 8080.
func defaultAddr(getenv func(string) string) string {
	port := getenv("PORT")
	if port == "" {
		port = "8080"
	}
	return net.JoinHostPort("127.0.0.1", port)
}

// run serves until ctx is done, then shuts the server down. It returns nil
// after a clean shutdown.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.SetOutput(stdout)
	addr := flags.String("addr", defaultAddr(os.Getenv), "`host:port` to listen on")
	dir := flags.String("dir", "dist", "`directory` of the built site (make dist writes it)")
	data := flags.String("data", "data", "`directory` for share links (created if missing)")
	shareLimit := flags.Int("share-limit", 20, "share links each client may create per `minute`, in bursts of half that; 0 for no limit")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errUsage
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", flags.Args())
	}
	if *shareLimit < 0 {
		return fmt.Errorf("-share-limit %d: want 0 or more", *shareLimit)
	}

	// os.Root keeps every open inside dir, even through symbolic links.
	root, err := os.OpenRoot(*dir)
	if err == nil {
		defer root.Close()
		_, err = fs.Stat(root.FS(), "index.html")
	}
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s/index.html not found: build the site first with `make dist`, or point -dir at a built site", *dir)
	}
	if err != nil {
		return err
	}

	store, err := server.OpenFileStore(*data)
	if err != nil {
		return fmt.Errorf("share links: %w", err)
	}
	opts := server.Options{Root: root.FS(), Store: store, Lessons: catalog.Lessons}
	if *shareLimit > 0 {
		opts.Limiter = server.NewBuckets(time.Minute/time.Duration(*shareLimit), max(1, *shareLimit/2))
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           server.New(opts),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		// No WriteTimeout: the wasm is megabytes and a slow link may need
		// longer than any fixed bound to receive it.
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
	}
	fmt.Fprintf(stdout, "Serving AI Math Playground at %s (share links in %s; Ctrl-C to stop)\n", siteURL(ln.Addr()), *data)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	stop, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(stop); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// siteURL is the URL to open in a browser for a listener on addr. An
// unspecified host (":8080", "0.0.0.0:8080") is reachable as localhost.
func siteURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	switch {
	case errors.Is(err, errUsage):
		os.Exit(2)
	case err != nil:
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}
