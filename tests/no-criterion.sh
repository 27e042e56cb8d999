#!/bin/sh
# SPDX-License-Identifier: MIT
# Stands in for the unit tests when configure did not find Criterion.
echo "Criterion was not found when billet was configured: the unit tests" >&2
echo "cannot run. On Debian or Ubuntu: apt-get install libcriterion-dev," >&2
echo "then run ./configure again." >&2
exit 1
