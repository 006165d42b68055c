"""Settings: `base` is production (and `make run` with DEBUG=1); `test` is the suite's."""
