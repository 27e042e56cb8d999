/* SPDX-License-Identifier: MIT */
/* fuzz_text_import: any bytes as plain text pasted from a web page, read
 * into a draft posting (load_text, the default limits), rendered and
 * written as the other targets do; then the draft's posting file, as
 * --import writes it (import_yaml), loaded again: it must load without an
 * error, to the same posting (--show's text, and JSON, equal). */
#include <stdint.h>
#include <stddef.h>

#include "catalog.h"
#include "import.h"
#include "load.h"
#include "fuzz_common.h"

/* The posting as --show prints it, text then JSON, into a capture. */
static void
show(const struct posting *p, struct fuzz_capture *out)
{
	fuzz_capture_open(out);
	export_show(out->f, p, FMT_TEXT, 100, NULL);
	export_show(out->f, p, FMT_JSON, 100, NULL);
	if (fclose(out->f) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_source s = {.kind = "plain text"};
	catalog_init(&s.cat);
	s.name = strdup("fuzz.txt");
	if (!s.name)
		abort();
	struct text_import o = {.fallback = "fuzz", .check = &s.check};
	size_t n = load_text(&s.cat, s.name, (const char *)data, size, NULL,
	                     &o);
	if (n > 1 || n != s.cat.n)
		fuzz_fail("load_text made more than one posting", "", 0, 0);
	if (n) {
		struct buf y = {0};
		import_yaml(&y, &s, s.cat.v[0]);
		fuzz_assert_harmless(y.s, y.len, true);
		struct catalog back;
		catalog_init(&back);
		if (load_buffer(&back, "back.yaml", y.s, y.len, NULL) != 1 ||
		    back.nerrors)
			fuzz_fail("the draft does not load back", y.s, y.len, 0);
		struct fuzz_capture a, b;
		show(s.cat.v[0], &a);
		show(back.v[0], &b);
		if (a.len != b.len || memcmp(a.s, b.s, a.len)) {
			size_t at = 0;
			while (at < a.len && at < b.len && a.s[at] == b.s[at])
				at++;
			fuzz_fail("the draft loads back to another posting",
			          b.s, b.len, at);
		}
		free(a.s);
		free(b.s);
		catalog_free(&back);
		buf_free(&y);
	}
	fuzz_touch_catalog(&s.cat);
	import_source_free(&s);
	return 0;
}
