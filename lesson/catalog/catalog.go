// Package catalog is the registry of lessons, in course order. Adding a
// lesson is one line here (and its folder under lesson/).
package catalog

import (
	"github.com/aimath/playground/lesson"
	"github.com/aimath/playground/lesson/bayes"
	"github.com/aimath/playground/lesson/cnn"
	"github.com/aimath/playground/lesson/gd"
	"github.com/aimath/playground/lesson/matrix"
	"github.com/aimath/playground/lesson/nn"
	"github.com/aimath/playground/lesson/prob"
	"github.com/aimath/playground/lesson/rnn"
	"github.com/aimath/playground/lesson/stats"
	"github.com/aimath/playground/lesson/vector"
)

// Lessons are the built lessons in course order.
var Lessons = []lesson.Info{
	vector.Info,
	matrix.Info,
	gd.Info,
	nn.Info,
	prob.Info,
	stats.Info,
	bayes.Info,
	cnn.Info,
	rnn.Info,
}

// Course is every topic of the course in order, built or not; the page
// marks the ones missing from Lessons as coming.
var Course = []string{"vector", "matrix", "gd", "nn", "prob", "stats", "bayes", "cnn", "rnn"}
