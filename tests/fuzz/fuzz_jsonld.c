/* SPDX-License-Identifier: MIT */
/* fuzz_jsonld: the schema.org JobPosting mapping. The input is read as
 * lines; each line is one property of a JobPosting object: its first byte
 * picks the property name from the table below, the rest is the value,
 * written as is when it starts like JSON ('{', '[', a digit, '-', 't',
 * 'f', 'n') and as a JSON string otherwise. The first line's first byte
 * also picks the wrapping: one object, an @graph list, or a top-level list
 * holding the object twice. The result goes through load_buffer and every
 * posting is touched as in fuzz_load; the input is also given to
 * html_to_text as it is. */
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#include "catalog.h"
#include "load/html.h"
#include "load.h"
#include "fuzz_common.h"

/* Property names: the mapped ones, nested names, and a few others. */
static const char *const props[] = {
	"title", "name", "hiringOrganization", "jobLocation",
	"jobLocationType", "employmentType", "baseSalary", "datePosted",
	"validThrough", "description", "responsibilities", "qualifications",
	"skills", "experienceRequirements", "educationRequirements",
	"jobBenefits", "identifier", "url", "employerOverview",
	"applicationContact", "directApply", "physicalRequirement",
	"sensoryRequirement", "securityClearanceRequirement",
	"eligibilityToWorkRequirement", "workHours", "jobStartDate",
	"industry", "occupationalCategory", "incentiveCompensation",
	"salaryCurrency", "estimatedSalary", "@id", "@context", "@type",
	"address", "value", "sameAs", "totalJobOpenings", "x",
};

/* Appends s[0..len) as a JSON string literal. */
static void
json_str(struct buf *out, const char *s, size_t len)
{
	buf_addc(out, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			buf_printf(out, "\\%c", c);
		else if (c < 0x20)
			buf_printf(out, "\\u%04x", c);
		else
			buf_addc(out, (char)c);
	}
	buf_addc(out, '"');
}

/* Appends the object's members, one a line of the input. */
static void
members(struct buf *out, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len;
		if (end > i) {
			unsigned char sel = (unsigned char)s[i];
			const char *v = s + i + 1;
			size_t vl = end - i - 1;
			buf_adds(out, ",\n");
			json_str(out, props[sel % (sizeof(props) /
			                           sizeof(props[0]))],
			         strlen(props[sel % (sizeof(props) /
			                             sizeof(props[0]))]));
			buf_adds(out, ": ");
			if (vl && strchr("{[0123456789-tfn", v[0]))
				buf_add(out, v, vl);
			else
				json_str(out, v, vl);
		}
		i = end + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct buf doc = {0}, obj = {0};
	buf_adds(&obj, "{\"@context\": \"https://schema.org/\", "
	               "\"@type\": \"JobPosting\"");
	members(&obj, s, size);
	buf_adds(&obj, "\n}");
	switch (size ? data[0] % 3 : 0) {
	case 0:
		buf_add(&doc, obj.s, obj.len);
		break;
	case 1:
		buf_adds(&doc, "{\"@context\": \"https://schema.org\", "
		               "\"@graph\": [");
		buf_add(&doc, obj.s, obj.len);
		buf_adds(&doc, "]}");
		break;
	default:
		buf_addc(&doc, '[');
		buf_add(&doc, obj.s, obj.len);
		buf_addc(&doc, ',');
		buf_add(&doc, obj.s, obj.len);
		buf_addc(&doc, ']');
		break;
	}
	struct catalog c;
	catalog_init(&c);
	load_buffer(&c, "fuzz.json", doc.s, doc.len, NULL);
	fuzz_touch_catalog(&c);
	catalog_free(&c);

	struct buf h = {0};
	html_to_text(&h, s, size);
	if (!h.s || h.s[h.len] != '\0')
		abort(); /* the result is a string even for empty input */
	buf_free(&h);
	buf_free(&doc);
	buf_free(&obj);
	return 0;
}
