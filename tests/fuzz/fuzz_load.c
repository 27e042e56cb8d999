/* SPDX-License-Identifier: MIT */
/* fuzz_load: whole files through the loader (load_buffer, the default
 * limits), then every posting through the detail renderer at a few widths,
 * --show in text, JSON and YAML, and every --list format; everything
 * written must be harmless on a terminal (see fuzz_common.h). */
#include <stdint.h>
#include <stddef.h>

#include "catalog.h"
#include "load.h"
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalog c;
	catalog_init(&c);
	load_buffer(&c, "fuzz.yaml", (const char *)data, size, NULL);
	fuzz_touch_catalog(&c);
	catalog_free(&c);
	return 0;
}
