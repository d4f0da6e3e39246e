package cnn_test

import (
	"testing"

	"github.com/aimath/playground/lesson/cnn"
	"github.com/aimath/playground/lesson/lessontest"
)

func TestCheck(t *testing.T) { lessontest.Check(t, cnn.Info) }
