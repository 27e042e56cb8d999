/* SPDX-License-Identifier: MIT */
/* httpd: a tiny HTTP/1.0 server for the tests of --import and I, so that
 * no test needs the network. It serves the files of one directory on
 * 127.0.0.1 at a port the system picks, printed on its first line of
 * output, a process a connection, and these paths of its own:
 *
 *   /r/PATH        302 to /PATH
 *   /loop          302 to itself, for ever
 *   /ftp           302 to ftp://127.0.0.1/x (not http)
 *   /slow          the headers, then nothing for 30 seconds
 *   /big           2 MiB of text, its length said
 *   /bigstream     2 MiB of text, its length not said
 *   /status/N      an empty answer of status N
 *
 * A file that is not there is a 404. It stops after 120 seconds without
 * a connection, or when killed.
 *
 * usage: httpd DIR */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void
send_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static void
answer(int fd, int status, const char *reason, const char *type,
       const char *extra, const char *body, long len)
{
	char head[1024];
	int n = snprintf(head, sizeof(head), "HTTP/1.0 %d %s\r\n"
	                 "Content-Type: %s\r\n%s", status, reason, type,
	                 extra ? extra : "");
	if (len >= 0)
		n += snprintf(head + n, sizeof(head) - (size_t)n,
		              "Content-Length: %ld\r\n", len);
	n += snprintf(head + n, sizeof(head) - (size_t)n,
	              "Connection: close\r\n\r\n");
	send_all(fd, head, (size_t)n);
	if (body && len > 0)
		send_all(fd, body, (size_t)len);
}

static void
redirect(int fd, const char *to)
{
	char loc[600];
	snprintf(loc, sizeof(loc), "Location: %s\r\n", to);
	answer(fd, 302, "Found", "text/plain", loc, "", 0);
}

static const char *
type_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (!dot)
		return "application/octet-stream";
	if (!strcmp(dot, ".txt"))
		return "text/plain; charset=utf-8";
	if (!strcmp(dot, ".json") || !strcmp(dot, ".jsonld"))
		return "application/ld+json";
	if (!strcmp(dot, ".html") || !strcmp(dot, ".htm"))
		return "text/html; charset=utf-8";
	if (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml"))
		return "application/yaml";
	if (!strcmp(dot, ".xml"))
		return "text/xml; charset=utf-8";
	return "application/octet-stream";
}

static void
serve_file(int fd, const char *dir, const char *path)
{
	char full[4200];
	if (strstr(path, "..")) {
		answer(fd, 403, "Forbidden", "text/plain", NULL, "", 0);
		return;
	}
	snprintf(full, sizeof(full), "%s/%s", dir, path);
	FILE *f = fopen(full, "rb");
	struct stat st;
	if (!f || fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		if (f)
			fclose(f);
		answer(fd, 404, "Not Found", "text/plain", NULL, "not here\n", 9);
		return;
	}
	char *body = malloc((size_t)st.st_size + 1);
	size_t got = body ? fread(body, 1, (size_t)st.st_size, f) : 0;
	fclose(f);
	answer(fd, 200, "OK", type_of(path), NULL, body, (long)got);
	free(body);
}

static void
big(int fd, bool say_length)
{
	long len = 2L << 20;
	answer(fd, 200, "OK", "text/plain", NULL, NULL, say_length ? len : -1);
	char line[1024];
	memset(line, 'x', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\n';
	for (long sent = 0; sent < len; sent += (long)sizeof(line))
		send_all(fd, line, sizeof(line));
}

static void
serve(int fd, const char *dir)
{
	char req[4096];
	size_t n = 0;
	while (n < sizeof(req) - 1) {
		ssize_t r = read(fd, req + n, sizeof(req) - 1 - n);
		if (r <= 0)
			break;
		n += (size_t)r;
		req[n] = '\0';
		if (req[0] < 'A' || req[0] > 'Z')
			break; /* not HTTP: a TLS hello, say */
		if (strstr(req, "\r\n\r\n"))
			break;
	}
	req[n] = '\0';
	char method[16], path[2048];
	if (sscanf(req, "%15s %2047s", method, path) != 2) {
		answer(fd, 400, "Bad Request", "text/plain", NULL, "", 0);
		return;
	}
	char *q = strchr(path, '?');
	if (q)
		*q = '\0';
	if (!strncmp(path, "/r/", 3)) {
		redirect(fd, path + 2);
	} else if (!strcmp(path, "/loop")) {
		redirect(fd, "/loop");
	} else if (!strcmp(path, "/ftp")) {
		redirect(fd, "ftp://127.0.0.1/x");
	} else if (!strcmp(path, "/slow")) {
		answer(fd, 200, "OK", "text/plain", NULL, NULL, 100);
		sleep(30);
	} else if (!strcmp(path, "/big")) {
		big(fd, true);
	} else if (!strcmp(path, "/bigstream")) {
		big(fd, false);
	} else if (!strncmp(path, "/status/", 8)) {
		answer(fd, atoi(path + 8), "Status", "text/plain", NULL, "", 0);
	} else {
		serve_file(fd, dir, path + 1);
	}
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: httpd DIR\n");
		return 2;
	}
	signal(SIGCHLD, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	int s = socket(AF_INET, SOCK_STREAM, 0);
	int one = 1;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	struct sockaddr_in a = {.sin_family = AF_INET,
	                        .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t al = sizeof(a);
	if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    listen(s, 16) != 0 || getsockname(s, (struct sockaddr *)&a, &al)) {
		perror("httpd");
		return 1;
	}
	printf("%d\n", ntohs(a.sin_port));
	fflush(stdout);
	for (;;) {
		alarm(120);
		int c = accept(s, NULL, NULL);
		if (c < 0) {
			if (errno == EINTR)
				continue;
			return 1;
		}
		pid_t pid = fork();
		if (pid == 0) {
			close(s);
			alarm(60);
			serve(c, argv[1]);
			shutdown(c, SHUT_WR);
			close(c);
			_exit(0);
		}
		close(c);
	}
}
