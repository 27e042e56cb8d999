/* SPDX-License-Identifier: MIT */
/* maxrss: runs a command with its output thrown away and prints the peak
 * resident memory it took, in KiB (getrusage of the children): how
 * tests/hostile.sh bounds the memory of billet --check, with no program
 * that the README's test command does not install.
 *
 *   tests/maxrss COMMAND [ARG]...
 *
 * Exits 0 when it could measure (whatever the command's own status), 2
 * on wrong usage, 1 when it could not start or wait for the command. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: maxrss COMMAND [ARG]...\n", stderr);
		return 2;
	}
	pid_t pid = fork();
	if (pid < 0) {
		perror("maxrss: fork");
		return 1;
	}
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
			_exit(127);
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	int st;
	if (waitpid(pid, &st, 0) != pid) {
		perror("maxrss: waitpid");
		return 1;
	}
	struct rusage ru;
	if (getrusage(RUSAGE_CHILDREN, &ru) != 0) {
		perror("maxrss: getrusage");
		return 1;
	}
	printf("%ld\n", ru.ru_maxrss);
	return 0;
}
