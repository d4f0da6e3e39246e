package nn_test

import (
	"testing"

	"github.com/aimath/playground/lesson/lessontest"
	"github.com/aimath/playground/lesson/nn"
)

func TestCheck(t *testing.T) { lessontest.Check(t, nn.Info) }
