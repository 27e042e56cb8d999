/* SPDX-License-Identifier: MIT */
/* fetch: an http(s) URL's bytes with libcurl, bounded in time, size and
 * redirects, every failure said with the URL. Called only by import,
 * only for a URL the user gave. */
#include "fetch.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "text.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "0"
#endif

const struct fetch_limits fetch_default_limits = {
	.max_bytes = (size_t)256 << 20,
	.connect_timeout = 10,
	.timeout = 30,
	.max_redirects = 5,
};

bool
fetch_is_url(const char *s)
{
	return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8);
}

/* The body as it comes, and whether it went over the limit. */
struct sink {
	struct buf body;
	size_t max;
	bool too_big;
};

static size_t
sink_write(char *data, size_t size, size_t n, void *arg)
{
	struct sink *k = arg;
	size_t len = size * n;
	if (len > k->max - k->body.len) {
		k->too_big = true;
		return 0; /* libcurl stops: CURLE_WRITE_ERROR */
	}
	buf_add(&k->body, data, len);
	return len;
}

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static bool curl_ready;

static void
curl_start(void)
{
	curl_ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
}

/* Says why a transfer failed, in words a user can act on. */
static void
say_failure(struct fetch_result *r, const char *url, CURLcode rc,
            const char *detail, const struct fetch_limits *lim,
            long redirects)
{
	const char *what;
	char tmp[200];
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
		what = "the host name does not resolve (DNS)";
		break;
	case CURLE_COULDNT_RESOLVE_PROXY:
		what = "the proxy's name does not resolve";
		break;
	case CURLE_COULDNT_CONNECT:
		what = "the connection was refused or could not be made";
		break;
	case CURLE_OPERATION_TIMEDOUT:
		snprintf(tmp, sizeof(tmp), "timed out (%ld s to connect, %ld s "
		         "in all)", lim->connect_timeout, lim->timeout);
		what = tmp;
		break;
	case CURLE_TOO_MANY_REDIRECTS:
		snprintf(tmp, sizeof(tmp), "more than %ld redirects",
		         lim->max_redirects);
		what = tmp;
		break;
	case CURLE_UNSUPPORTED_PROTOCOL:
		what = redirects ? "redirected to a URL that is not http or https"
		                 : "not an http or https URL";
		break;
	case CURLE_FILESIZE_EXCEEDED:
		snprintf(tmp, sizeof(tmp), "larger than the limit of %zu bytes "
		         "(see --max-file)", lim->max_bytes);
		what = tmp;
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
		what = "TLS: the server's certificate could not be verified";
		break;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED:
	case CURLE_SSL_SHUTDOWN_FAILED:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_USE_SSL_FAILED:
		what = "TLS failed";
		break;
	case CURLE_GOT_NOTHING:
		what = "the server closed the connection without an answer";
		break;
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_PARTIAL_FILE:
		what = "the connection broke off";
		break;
	case CURLE_URL_MALFORMAT:
		what = "not a URL billet can read";
		break;
	default:
		what = curl_easy_strerror(rc);
		break;
	}
	snprintf(r->error, sizeof(r->error), "%s: %s%s%s%s", url, what,
	         detail && *detail ? " (" : "", detail ? detail : "",
	         detail && *detail ? ")" : "");
}

bool
fetch_url(const char *url, const struct fetch_limits *lim,
          struct fetch_result *r)
{
	*r = (struct fetch_result){0};
	if (!lim)
		lim = &fetch_default_limits;
	if (!fetch_is_url(url)) {
		snprintf(r->error, sizeof(r->error), "%s: not an http or https "
		         "URL", url);
		return false;
	}
	pthread_once(&curl_once, curl_start);
	CURL *h = curl_ready ? curl_easy_init() : NULL;
	if (!h) {
		snprintf(r->error, sizeof(r->error), "%s: libcurl could not "
		         "start", url);
		return false;
	}
	struct sink k = {.max = lim->max_bytes};
	char detail[CURL_ERROR_SIZE] = "";
	curl_easy_setopt(h, CURLOPT_URL, url);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(h, CURLOPT_PROTOCOLS,
	                 (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS,
	                 (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(h, CURLOPT_MAXREDIRS, lim->max_redirects);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, lim->connect_timeout);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, lim->timeout);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE,
	                 (curl_off_t)lim->max_bytes);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(h, CURLOPT_USERAGENT, "billet/" PACKAGE_VERSION);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sink_write);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &k);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, detail);
	curl_easy_setopt(h, CURLOPT_FAILONERROR, 0L);
	CURLcode rc = curl_easy_perform(h);
	long status = 0, redirects = 0;
	char *final = NULL, *type = NULL;
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(h, CURLINFO_REDIRECT_COUNT, &redirects);
	curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &final);
	curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &type);
	bool ok = false;
	if (k.too_big) {
		say_failure(r, url, CURLE_FILESIZE_EXCEEDED, NULL, lim, redirects);
	} else if (rc != CURLE_OK) {
		say_failure(r, url, rc, detail, lim, redirects);
	} else if (status >= 400 || status < 200) {
		snprintf(r->error, sizeof(r->error), "%s: the server answered "
		         "HTTP %ld%s%s", url, status,
		         final && strcmp(final, url) ? " at " : "",
		         final && strcmp(final, url) ? final : "");
	} else {
		ok = true;
	}
	if (ok) {
		buf_adds(&k.body, "");
		r->len = k.body.len;
		r->body = buf_steal(&k.body);
		r->final_url = xstrdup(final ? final : url);
		r->content_type = type ? xstrdup(type) : NULL;
	}
	buf_free(&k.body);
	curl_easy_cleanup(h);
	return ok;
}

void
fetch_result_free(struct fetch_result *r)
{
	free(r->body);
	free(r->final_url);
	free(r->content_type);
	*r = (struct fetch_result){0};
}
