/* SPDX-License-Identifier: MIT */
/* fetch: one http(s) URL's bytes, with libcurl, when the user asks billet
 * to import from a URL: the only network access billet makes. */
#ifndef BILLET_FETCH_H
#define BILLET_FETCH_H

#include <stdbool.h>
#include <stddef.h>

/* How a fetch is bounded. */
struct fetch_limits {
	size_t max_bytes;        /* the body's bytes at most (--max-file) */
	long connect_timeout;    /* seconds to connect */
	long timeout;            /* seconds for the whole transfer */
	long max_redirects;      /* redirects followed, at most */
};

/* The documented defaults: 256 MiB, 10 s, 30 s, 5 redirects. */
extern const struct fetch_limits fetch_default_limits;

/* What a fetch got. Free with fetch_result_free. */
struct fetch_result {
	char *body;          /* the bytes (malloc'd, a NUL after them) */
	size_t len;          /* how many */
	char *final_url;     /* the URL after redirects (malloc'd) */
	char *content_type;  /* as the server said it, or NULL (malloc'd) */
	char error[600];     /* why it failed, naming the URL */
};

/* True when s starts like a URL billet fetches: http:// or https://. */
bool fetch_is_url(const char *s);
/* Fetches url: redirects followed only to http(s), at most
 * lim->max_redirects; a status of 400 or more, a body over
 * lim->max_bytes, a timeout, a name that does not resolve, a refused
 * connection or a TLS failure is an error said in r->error. */
bool fetch_url(const char *url, const struct fetch_limits *lim,
               struct fetch_result *r);
/* Frees what r holds. */
void fetch_result_free(struct fetch_result *r);

#endif
