/* SPDX-License-Identifier: MIT */
/* Tests of the configuration language (conf.h): words and quoting, every
 * directive and every error, files and source loops, the dump that loads
 * back unchanged, :write's merge, Tab's names. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf.h"
#include "ui/keys.h"

/* A temporary directory for the files of a test. */
static char dir[64];

static void
mkdir_tmp(void)
{
	snprintf(dir, sizeof(dir), "/tmp/billet-conf.XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void
rm_tmp(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

/* Writes text to dir/name and returns the path (static). */
static const char *
file(const char *name, const char *text)
{
	static char path[4][256];
	static int k;
	char *p = path[k++ % 4];
	snprintf(p, 256, "%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	return p;
}

/* Runs line at the prompt; returns what it did, its message in msg
 * (static). */
static enum conf_did
run(struct conf *c, const char *line, const char **msg)
{
	static struct conf_result r;
	buf_free(&r.msg);
	r = (struct conf_result){0};
	conf_exec(c, line, &r);
	if (msg)
		*msg = r.msg.s ? r.msg.s : "";
	return r.did;
}

/* The message of the only problem of c, formatted. */
static const char *
problem(const struct conf *c, size_t i)
{
	static struct buf b;
	buf_clear(&b);
	cr_assert_lt(i, c->nproblems, "only %zu problems", c->nproblems);
	conf_problem_format(&b, &c->problems[i]);
	return b.s;
}

Test(conf, defaults)
{
	struct conf *c = conf_new();
	for (int o = 0; o < CO_N; o++)
		cr_assert_str_eq(conf_str(c, o), conf_options[o].def);
	cr_assert_eq(conf_int(c, CO_SPLIT_WIDTH), 120);
	cr_assert(conf_bool(c, CO_MOUSE));
	cr_assert_float_eq(conf_real(c, CO_COMPARE_THRESHOLD), 0.25, 1e-9);
	cr_assert_eq(conf_key_action(c, CONF_GENERIC, 'j'), ACT_MOVE_DOWN);
	cr_assert_eq(conf_key_action(c, CONF_LIST, 'j'), ACT_MOVE_DOWN);
	cr_assert_eq(conf_key_action(c, CONF_DETAIL, '\n'), ACT_ENTER);
	cr_assert_eq(conf_key_action(c, CONF_GENERIC, 'z'), ACT_NONE);
	/* every default key of the table, as the table binds it */
	for (int a = 1; a < ACT_N; a++)
		for (size_t k = 0; k < 10 && action_table[a].key[k]; k++)
			cr_assert_eq(conf_key_action(c, CONF_GENERIC,
			                             action_table[a].key[k]), a);
	struct conf_color t = conf_color_of(c, CE_TITLE);
	cr_assert_eq(t.fg, 3); /* yellow in the dark theme */
	conf_free(c);
}

Test(conf, split_words_quotes_escapes_comments)
{
	char **w;
	size_t n;
	unsigned *col;
	struct buf err = {0};
	cr_assert(conf_split("  bind  generic '#' HELP # the help", &w, &n,
	                     &col, &err));
	cr_assert_eq(n, 4);
	cr_assert_str_eq(w[2], "#");
	cr_assert_eq(col[0], 3);
	cr_assert_eq(col[2], 17);
	conf_words_free(w, n, col);
	cr_assert(conf_split("a\\ b \"c \\\" d\\\\\" 'e\\f' g#h \\#", &w, &n,
	                     NULL, &err));
	cr_assert_eq(n, 5);
	cr_assert_str_eq(w[0], "a b");
	cr_assert_str_eq(w[1], "c \" d\\");
	cr_assert_str_eq(w[2], "e\\f"); /* '...' takes backslashes as they are */
	cr_assert_str_eq(w[3], "g#h");  /* # starts a comment at a word's start */
	cr_assert_str_eq(w[4], "#");
	conf_words_free(w, n, NULL);
	cr_assert(conf_split("x\"y z\"w ''", &w, &n, NULL, &err));
	cr_assert_eq(n, 2);
	cr_assert_str_eq(w[0], "xy zw");
	cr_assert_str_eq(w[1], "");
	conf_words_free(w, n, NULL);
	cr_assert_not(conf_split("set a = \"open", &w, &n, NULL, &err));
	cr_assert_str_eq(err.s, "the \" at column 9 is not closed");
	buf_clear(&err);
	cr_assert_not(conf_split("é 'x", &w, &n, NULL, &err));
	cr_assert_str_eq(err.s, "the ' at column 3 is not closed");
	buf_free(&err);
	cr_assert_eq(conf_comment_at("set a = '#' # c"), 12);
	cr_assert_eq(conf_comment_at("bind list x none"), 16);
}

Test(conf, keys_parse_and_spell)
{
	int k[4];
	cr_assert_eq(keys_parse("j", k, 4), 1);
	cr_assert_eq(k[0], 'j');
	cr_assert_eq(keys_parse("J", k, 4), 1);
	cr_assert_eq(k[0], 'J');
	cr_assert_eq(keys_parse("Ctrl-F", k, 4), 1);
	cr_assert_eq(k[0], 6);
	cr_assert_eq(keys_parse("C-f", k, 4), 1);
	cr_assert_eq(k[0], 6);
	cr_assert_eq(keys_parse("^f", k, 4), 1);
	cr_assert_eq(k[0], 6);
	cr_assert_eq(keys_parse("<Esc>", k, 4), 1);
	cr_assert_eq(k[0], 27);
	cr_assert_eq(keys_parse("esc", k, 4), 1);
	cr_assert_eq(keys_parse("Alt-x", k, 4), 1);
	cr_assert_eq(k[0], KEY_ALT | 'x');
	cr_assert_eq(keys_parse("M-x", k, 4), 1);
	cr_assert_eq(k[0], KEY_ALT | 'x');
	cr_assert_eq(keys_parse("Enter", k, 4), 3);
	cr_assert_eq(keys_parse("Space", k, 4), 1);
	cr_assert_eq(k[0], ' ');
	cr_assert_eq(keys_parse("é", k, 4), 1);
	cr_assert_eq(k[0], 0xE9);
	cr_assert_eq(keys_parse("U+00E9", k, 4), 1);
	cr_assert_eq(k[0], 0xE9);
	cr_assert_eq(keys_parse("F64", k, 4), 0);
	cr_assert_eq(keys_parse("Dwn", k, 4), 0);
	cr_assert_eq(keys_parse("", k, 4), 0);
	cr_assert_eq(keys_parse("jj", k, 4), 0);
	/* without a terminal the keys with modifiers are still keys */
	cr_assert_eq(keys_parse("Ctrl-Up", k, 4), 1);
	/* every key keys_name names reads back, and keys_spell exactly */
	int probe[] = {'j', 'G', '\\', '#', '\'', '"', ' ', '\t', '\r', '\n',
	               27, 127, 6, KEY_ALT | 'x', 0xE9};
	for (size_t i = 0; i < sizeof(probe) / sizeof(*probe); i++) {
		char name[64];
		keys_spell(probe[i], name, sizeof(name));
		cr_assert_eq(keys_parse(name, k, 4), 1, "%s", name);
		cr_assert_eq(k[0], probe[i], "%s", name);
	}
	for (int a = 1; a < ACT_N; a++)
		for (size_t j = 0; j < 10 && action_table[a].key[j]; j++) {
			char name[64];
			keys_spell(action_table[a].key[j], name, sizeof(name));
			cr_assert_eq(keys_parse(name, k, 4), 1, "%s", name);
			cr_assert_eq(k[0], action_table[a].key[j], "%s", name);
		}
}

Test(conf, bind_views_and_unbind)
{
	struct conf *c = conf_new();
	const char *m;
	cr_assert_eq(run(c, "bind list J MOVE_DOWN", &m), CONF_DID_BIND);
	cr_assert_str_eq(m, "J in list: MOVE_DOWN");
	cr_assert_eq(conf_key_action(c, CONF_LIST, 'J'), ACT_MOVE_DOWN);
	cr_assert_eq(conf_key_action(c, CONF_DETAIL, 'J'), ACT_NEXT_POSTING);
	/* a view's own bind wins over generic's */
	cr_assert_eq(run(c, "bind generic K HELP", NULL), CONF_DID_BIND);
	cr_assert_eq(run(c, "bind detail K quit", NULL), CONF_DID_BIND);
	cr_assert_eq(conf_key_action(c, CONF_DETAIL, 'K'), ACT_QUIT);
	cr_assert_eq(conf_key_action(c, CONF_LIST, 'K'), ACT_HELP);
	/* none unbinds, in the view only */
	cr_assert_eq(run(c, "bind list x none", NULL), CONF_DID_BIND);
	cr_assert_eq(conf_key_action(c, CONF_LIST, 'x'), ACT_NONE);
	cr_assert_eq(conf_key_action(c, CONF_COMPARE, 'x'), ACT_HIDE);
	/* a name for several keys binds them all */
	cr_assert_eq(run(c, "bind compare Enter DIFF_ONLY", NULL),
	             CONF_DID_BIND);
	cr_assert_eq(conf_key_action(c, CONF_COMPARE, '\r'), ACT_DIFF_ONLY);
	cr_assert_eq(conf_key_action(c, CONF_COMPARE, '\n'), ACT_DIFF_ONLY);
	cr_assert_eq(run(c, "bind help <C-f> PAGE_DOWN", NULL), CONF_DID_BIND);
	cr_assert_eq(run(c, "bind generic Alt-x HIDE", NULL), CONF_DID_BIND);
	cr_assert_eq(conf_key_action(c, CONF_LIST, KEY_ALT | 'x'), ACT_HIDE);
	cr_assert_eq(run(c, "bind generic '#' HELP", NULL), CONF_DID_BIND);
	cr_assert_eq(conf_key_action(c, CONF_LIST, '#'), ACT_HELP);
	/* the keys an action has, for help */
	int keys[8];
	cr_assert_eq(conf_keys_of(c, CONF_LIST, ACT_MOVE_DOWN, keys, 8), 1);
	cr_assert_eq(keys[0], 'J');
	conf_free(c);
}

Test(conf, bind_errors)
{
	struct conf *c = conf_new();
	const char *m;
	cr_assert_eq(run(c, "bind list J", &m), CONF_DID_ERROR);
	cr_assert_str_eq(m, "bind: expected VIEW KEY ACTION (bind list J "
	                    "MOVE_DOWN)");
	cr_assert_eq(run(c, "bind list J MOVE_DOWN x", &m), CONF_DID_ERROR);
	cr_assert(strstr(m, "'x' is one word too many"), "%s", m);
	cr_assert_eq(run(c, "bind lst J MOVE_DOWN", &m), CONF_DID_ERROR);
	cr_assert_str_eq(m, "bind: unknown view 'lst' (did you mean list?); "
	                    "views: generic, list, detail, compare, help");
	cr_assert_eq(run(c, "bind list Dwn MOVE_DOWN", &m), CONF_DID_ERROR);
	cr_assert_str_eq(m, "bind: unknown key 'Dwn' (did you mean Down?)");
	cr_assert_eq(run(c, "bind list Foo-Bar MOVE_DOWN", &m), CONF_DID_ERROR);
	cr_assert(strstr(m, "keys are named as help names them"), "%s", m);
	cr_assert_eq(run(c, "bind list J MOVE_DWN", &m), CONF_DID_ERROR);
	cr_assert_str_eq(m, "bind: unknown action 'MOVE_DWN' (did you mean "
	                    "MOVE_DOWN?)");
	cr_assert_eq(run(c, "bind list J JUMP_AROUND_WILDLY", &m),
	             CONF_DID_ERROR);
	cr_assert(strstr(m, "help, ?, lists every action"), "%s", m);
	cr_assert_eq(run(c, "bind list x COUNT", &m), CONF_DID_ERROR);
	cr_assert_str_eq(m, "bind: COUNT takes the digits 1-9 only");
	/* nothing changed */
	cr_assert_eq(conf_key_action(c, CONF_LIST, 'J'), ACT_NEXT_POSTING);
	cr_assert_eq(conf_key_action(c, CONF_LIST, 'x'), ACT_HIDE);
	conf_free(c);
}

Test(conf, color)
{
	struct conf *c = conf_new();
	const char *m;
	cr_assert_eq(run(c, "color cursor white blue bold underline", &m),
	             CONF_DID_COLOR);
	cr_assert_str_eq(m, "color cursor white blue bold underline");
	struct conf_color k = conf_color_of(c, CE_CURRENT);
	cr_assert_eq(k.fg, 7);
	cr_assert_eq(k.bg, 4);
	cr_assert_eq(k.attr, CONF_BOLD | CONF_UNDERLINE);
	cr_assert_eq(run(c, "colour title 208", NULL), CONF_DID_COLOR);
	k = conf_color_of(c, CE_TITLE);
	cr_assert_eq(k.fg, 208);
	cr_assert_eq(k.bg, CONF_DEFAULT_COLOR); /* BG default when not given */
	cr_assert_eq(k.attr, 0);
	cr_assert_eq(run(c, "color header Bright-Red color17 reverse", &m),
	             CONF_DID_COLOR);
	cr_assert_str_eq(m, "color header bright-red 17 reverse");
	cr_assert_eq(run(c, "color match default grey normal", &m),
	             CONF_DID_COLOR);
	cr_assert_str_eq(m, "color match default bright-black");
	/* errors */
	cr_assert_eq(run(c, "color cursor", &m), CONF_DID_ERROR);
	cr_assert(strstr(m, "expected ELEMENT FG"), "%s", m);
	cr_assert_eq(run(c, "color cursr red", &m), CONF_DID_ERROR);
	cr_assert_str_eq(m, "color: unknown element 'cursr' (did you mean "
	                    "cursor?)");
	cr_assert_eq(run(c, "color cursor purple", &m), CONF_DID_ERROR);
	cr_assert(strstr(m, "bad colour 'purple'"), "%s", m);
	cr_assert(strstr(m, "a number from 0 to 255"), "%s", m);
	cr_assert_eq(run(c, "color cursor 256", &m), CONF_DID_ERROR);
	cr_assert_eq(run(c, "color cursor red bleu", &m), CONF_DID_ERROR);
	cr_assert(strstr(m, "bad colour 'bleu' (did you mean blue?)"), "%s", m);
	cr_assert_eq(run(c, "color cursor red blue bolt", &m), CONF_DID_ERROR);
	cr_assert(strstr(m, "unknown attribute 'bolt' (did you mean bold?)"),
	          "%s", m);
	cr_assert_eq(run(c, "color normal red default bold", &m),
	             CONF_DID_ERROR);
	cr_assert_str_eq(m, "color: normal takes colours only, no attributes");
	/* the light theme changes the elements no color line set */
	cr_assert_eq(run(c, "set theme = light", NULL), CONF_DID_SET);
	cr_assert_eq(conf_color_of(c, CE_HEADING).fg,
	             conf_elements[CE_HEADING].light.fg);
	cr_assert_eq(conf_color_of(c, CE_CURRENT).fg, 7);
	conf_free(c);
}

Test(conf, set_every_option)
{
	static const struct {
		const char *line, *value;
	} good[] = {
		{"set sort = -Sal,title", "-salary,title"},
		{"set sort=file", "file"},
		{"set sort = -file", "-file"},
		{"set list-columns = title, Organization,deadline,posted",
		 "title,org,deadline,posted"},
		{"set split-width = 100", "100"},
		{"set currency = eur", "EUR"},
		{"set currency = auto", "auto"},
		{"set rates = EUR=1.08   gbp=1.27", "EUR=1.08 gbp=1.27"},
		{"set rates = \"\"", ""},
		{"set compare-threshold = 0.5", "0.5"},
		{"set date-format = %d %b %Y", "%d %b %Y"},
		{"set date-format = \"%Y-%m-%d\"", "%Y-%m-%d"},
		{"set mouse = no", "off"},
		{"set mouse =yes", "on"},
		{"set confirm-apply-all = false", "off"},
		{"set theme = LIGHT", "light"},
		{"set clipboard = osc52", "osc52"},
		{"set remember-filter = 0", "off"},
		{"set closing-days = 14", "14"},
		{"set closing-days=0", "0"},
		{"set watch = off", "off"},
	};
	struct conf *c = conf_new();
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) {
		const char *m;
		cr_assert_eq(run(c, good[i].line, &m), CONF_DID_SET, "%s: %s",
		             good[i].line, m);
		const char *name = good[i].line + 4;
		char opt[32];
		snprintf(opt, sizeof(opt), "%.*s", (int)strcspn(name, " ="), name);
		cr_assert_str_eq(conf_str(c, conf_option_of(opt)), good[i].value,
		                 "%s", good[i].line);
	}
	/* every option was set at least once */
	bool seen[CO_N] = {false};
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) {
		char opt[32];
		snprintf(opt, sizeof(opt), "%.*s",
		         (int)strcspn(good[i].line + 4, " ="), good[i].line + 4);
		seen[conf_option_of(opt)] = true;
	}
	for (int o = 0; o < CO_N; o++)
		cr_assert(seen[o], "%s is not tested", conf_options[o].name);
	conf_free(c);
}

Test(conf, set_errors)
{
	static const struct {
		const char *line, *msg;
	} bad[] = {
		{"set srot = title", "set: unknown option 'srot' (did you mean "
		                     "sort?)"},
		{"set sort = salray", "sort: bad key 'salray' (file, or title, "
		 "org, location, salary, posted, deadline, id, separated by "
		 "commas; a leading - reverses)"},
		{"set list-columns = org,salary", "list-columns must name title "
		 "(the other columns may go)"},
		{"set list-columns = title,colour", "unknown column 'colour': "
		 "list-columns takes title, org, location, salary, deadline, "
		 "posted, workplace, type, separated by commas"},
		{"set list-columns = title,org,org", "list-columns names org "
		 "twice"},
		{"set split-width = 20", "split-width takes a whole number from "
		 "60 to 10000, not '20'"},
		{"set split-width = wide", "split-width takes a whole number from "
		 "60 to 10000, not 'wide'"},
		{"set currency = EUX", "currency takes auto or an ISO 4217 code "
		 "such as USD or EUR, not 'EUX'"},
		{"set compare-threshold = 2", "compare-threshold takes a number "
		 "from 0.05 to 1, not '2'"},
		{"set date-format = dd/mm", "date-format takes as-written or a "
		 "strftime format such as %Y-%m-%d or %d %b, not 'dd/mm'"},
		{"set mouse = maybe", "mouse takes on or off, not 'maybe'"},
		{"set theme = blue", "theme takes dark or light, not 'blue'"},
		{"set clipboard = x11", "clipboard takes auto or osc52, not "
		 "'x11'"},
		{"set", "set: expected NAME = VALUE (set sort = salary)"},
		{"set sort salary", "set: expected '=' after sort (set sort = "
		 "file)"},
	};
	struct conf *c = conf_new();
	mkdir_tmp();
	struct buf text = {0};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		buf_printf(&text, "%s\n", bad[i].line);
	buf_adds(&text, "set rates = EUR=x\n");
	const char *p = file("config", text.s);
	cr_assert_eq(conf_load(c, p), sizeof(bad) / sizeof(*bad) + 1);
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char want[512];
		snprintf(want, sizeof(want), "%s:%zu: %s", p, i + 1, bad[i].msg);
		cr_assert_str_eq(problem(c, i), want);
	}
	cr_assert(strstr(problem(c, sizeof(bad) / sizeof(*bad)),
	                 "rates: "), "%s", problem(c, 15));
	/* nothing was set */
	for (int o = 0; o < CO_N; o++)
		cr_assert_str_eq(conf_str(c, o), conf_options[o].def);
	/* at the prompt, set NAME says the value */
	const char *m;
	cr_assert_eq(run(c, "set split-width", &m), CONF_DID_SHOW);
	cr_assert_str_eq(m, "split-width = 120");
	cr_assert_eq(run(c, "set", &m), CONF_DID_SHOW);
	cr_assert(strstr(m, "options: sort list-columns"), "%s", m);
	buf_free(&text);
	rm_tmp();
	conf_free(c);
}

Test(conf, filters)
{
	struct conf *c = conf_new();
	const char *m;
	cr_assert_eq(run(c, "filter remote workplace:remote salary>=50000",
	                 &m), CONF_DID_FILTER);
	cr_assert_str_eq(conf_filter_find(c, "remote")->query,
	                 "workplace:remote salary>=50000");
	cr_assert_eq(run(c, "filter remote \"is:marked\"", NULL),
	             CONF_DID_FILTER);
	cr_assert_str_eq(conf_filter_find(c, "remote")->query, "is:marked");
	cr_assert_eq(c->nfilters, 1);
	cr_assert_eq(run(c, "filter remote", &m), CONF_DID_APPLY);
	cr_assert_eq(run(c, "filter remot", &m), CONF_DID_ERROR);
	cr_assert_str_eq(m, "no saved filter 'remot' (did you mean remote?)");
	cr_assert_eq(run(c, "filter save ca", &m), CONF_DID_SAVE);
	cr_assert_eq(run(c, "filter", &m), CONF_DID_SHOW);
	cr_assert_str_eq(m, "saved filters: remote (filter NAME applies one; "
	                    "F lists them)");
	cr_assert_eq(run(c, "filter x salary>=", &m), CONF_DID_ERROR);
	cr_assert_str_eq(m, "filter x: expected a value after 'salary>=' at "
	                    "column 8");
	cr_assert_eq(run(c, "filter 'a b' x", &m), CONF_DID_ERROR);
	cr_assert(strstr(m, "a name is letters, digits"), "%s", m);
	cr_assert_eq(run(c, "filter delete remote", &m), CONF_DID_FILTER);
	cr_assert_eq(c->nfilters, 0);
	cr_assert_eq(run(c, "filter delete remote", &m), CONF_DID_ERROR);
	cr_assert_str_eq(m, "filter delete: no saved filter 'remote'");
	/* in a file: save is not there, and a name needs its query */
	mkdir_tmp();
	const char *p = file("config", "filter save x\nfilter lonely\n"
	                               "filter ok \"type:part-time\"\n");
	cr_assert_eq(conf_load(c, p), 2);
	cr_assert(strstr(problem(c, 0), ":1: filter save: only at the : "
	                 "prompt"), "%s", problem(c, 0));
	cr_assert(strstr(problem(c, 1), ":2: filter lonely: expected a query "
	                 "after the name"), "%s", problem(c, 1));
	cr_assert_str_eq(conf_filter_find(c, "ok")->query, "type:part-time");
	rm_tmp();
	conf_free(c);
}

Test(conf, directives_errors_and_the_rest_still_applies)
{
	struct conf *c = conf_new();
	mkdir_tmp();
	const char *p = file("config",
	                     "# a comment\n"
	                     "\n"
	                     "colr title red\n"
	                     "set split-width = 90\r\n"
	                     "bind list \"J MOVE_DOWN\n"
	                     "write\n"
	                     "bind list J MOVE_DOWN  # trailing\n"
	                     "quit\n"
	                     "\xff\n");
	cr_assert_eq(conf_load(c, p), 5);
	char want[512];
	snprintf(want, sizeof(want), "%s:3: unknown directive 'colr' (did you "
	         "mean color?); a line is bind, color, set, filter or source",
	         p);
	cr_assert_str_eq(problem(c, 0), want);
	snprintf(want, sizeof(want), "%s:5: the \" at column 11 is not closed",
	         p);
	cr_assert_str_eq(problem(c, 1), want);
	snprintf(want, sizeof(want), "%s:6: write: only at the : prompt", p);
	cr_assert_str_eq(problem(c, 2), want);
	cr_assert(strstr(problem(c, 3), ":8: unknown directive 'quit'"));
	cr_assert(strstr(problem(c, 4), ":9: not valid UTF-8"));
	cr_assert_eq(conf_int(c, CO_SPLIT_WIDTH), 90);
	cr_assert_eq(conf_key_action(c, CONF_LIST, 'J'), ACT_MOVE_DOWN);
	/* a missing file is no problem; an unreadable one is */
	struct conf *d = conf_new();
	char missing[300];
	snprintf(missing, sizeof(missing), "%s/none", dir);
	cr_assert_eq(conf_load(d, missing), 0);
	cr_assert_eq(conf_load(d, dir), 1);
	cr_assert(strstr(problem(d, 0), "is not a file"), "%s", problem(d, 0));
	conf_free(d);
	rm_tmp();
	conf_free(c);
}

Test(conf, source_relative_loops_and_missing)
{
	struct conf *c = conf_new();
	mkdir_tmp();
	char sub[128];
	snprintf(sub, sizeof(sub), "%s/sub", dir);
	cr_assert_eq(mkdir(sub, 0700), 0);
	file("sub/keys", "bind list J MOVE_DOWN\nsource ../config\n"
	                 "source more\n");
	file("sub/more", "set theme = light\nsource keys\n");
	const char *p = file("config", "source sub/keys\nsource nowhere\n"
	                               "set mouse = off\n");
	cr_assert_eq(conf_load(c, p), 3);
	cr_assert_eq(conf_key_action(c, CONF_LIST, 'J'), ACT_MOVE_DOWN);
	cr_assert_str_eq(conf_str(c, CO_THEME), "light");
	cr_assert_not(conf_bool(c, CO_MOUSE));
	/* keys sources the config back: refused, where it says so */
	cr_assert(strstr(problem(c, 0), "sub/keys:2: source: "), "%s",
	          problem(c, 0));
	cr_assert(strstr(problem(c, 0), "is already being read (a loop): "
	                 "not read again"), "%s", problem(c, 0));
	cr_assert(strstr(problem(c, 1), "sub/more:2: source: "), "%s",
	          problem(c, 1));
	cr_assert(strstr(problem(c, 2), "config:2: source: cannot read "),
	          "%s", problem(c, 2));
	cr_assert(strstr(problem(c, 2), "No such file or directory"));
	cr_assert_eq(c->nfiles, 4); /* config, keys, more, nowhere */
	/* at the prompt, relative to the current directory */
	const char *m;
	char cwd[512];
	cr_assert_not_null(getcwd(cwd, sizeof(cwd)));
	cr_assert_eq(chdir(sub), 0);
	cr_assert_eq(run(c, "source more", &m), CONF_DID_SOURCE);
	cr_assert(strstr(m, "read more"), "%s", m);
	cr_assert_eq(chdir(cwd), 0);
	cr_assert_eq(run(c, "source", &m), CONF_DID_ERROR);
	cr_assert_str_eq(m, "source: expected a FILE");
	rm_tmp();
	conf_free(c);
}

Test(conf, more_errors_nul_long_deep_many)
{
	struct conf *c = conf_new();
	const char *m;
	cr_assert_eq(run(c, "source a b", &m), CONF_DID_ERROR);
	cr_assert_str_eq(m, "source: one FILE (quote a name with blanks)");
	cr_assert_eq(run(c, "write now", &m), CONF_DID_ERROR);
	cr_assert(strstr(m, "write: takes nothing after it"), "%s", m);
	cr_assert_eq(run(c, "filter save", &m), CONF_DID_ERROR);
	cr_assert_str_eq(m, "filter save: expected one NAME (filter save "
	                    "remote)");
	cr_assert_eq(run(c, "filter save delete", &m), CONF_DID_ERROR);
	cr_assert(strstr(m, "a name is letters"), "%s", m);
	cr_assert_eq(run(c, "frobnicate", &m), CONF_DID_ERROR);
	cr_assert_str_eq(m, "unknown directive 'frobnicate'; the prompt takes "
	                    "bind, color, set, filter, source and write");
	cr_assert_eq(run(c, "   # only a comment", &m), CONF_DID_NOTHING);
	mkdir_tmp();
	/* a NUL byte and a line too long are said, the next lines apply */
	char *text = malloc(6000);
	memcpy(text, "set mouse = o\0f\n", 16);
	memset(text + 16, 'x', 5000);
	memcpy(text + 5016, "\nset theme = light\n", 20);
	char path[256];
	snprintf(path, sizeof(path), "%s/odd", dir);
	FILE *f = fopen(path, "w");
	fwrite(text, 1, 5035, f);
	fclose(f);
	free(text);
	cr_assert_eq(conf_load(c, path), 2);
	cr_assert(strstr(problem(c, 0), ":1: a NUL byte"), "%s", problem(c, 0));
	cr_assert(strstr(problem(c, 1), ":2: longer than 4096 bytes"), "%s",
	          problem(c, 1));
	cr_assert_str_eq(conf_str(c, CO_THEME), "light");
	/* sources 17 deep: the 17th is not read */
	for (int i = 0; i < 17; i++) {
		char name[16], body[64];
		snprintf(name, sizeof(name), "s%d", i);
		snprintf(body, sizeof(body), "source s%d\nset split-width = %d\n",
		         i + 1, 100 + i);
		file(name, body);
	}
	file("s17", "set split-width = 500\n");
	conf_reset(c);
	snprintf(path, sizeof(path), "%s/s0", dir);
	cr_assert_eq(conf_load(c, path), 1);
	cr_assert(strstr(problem(c, 0), "s15:1: source: files sourced 16 deep: "),
	          "%s", problem(c, 0));
	cr_assert_eq(conf_int(c, CO_SPLIT_WIDTH), 100);
	/* past 200 problems, one says the rest are not listed */
	struct buf many = {0};
	for (int i = 0; i < 300; i++)
		buf_adds(&many, "nonsense\n");
	conf_reset(c);
	cr_assert_eq(conf_load(c, file("many", many.s)), 201);
	cr_assert(strstr(problem(c, 200), "too many problems"));
	buf_free(&many);
	rm_tmp();
	conf_free(c);
}

/* Loads text as a config file into a fresh conf and returns its dump. */
static char *
dump_of(const char *text, size_t *problems)
{
	struct conf *c = conf_new();
	const char *p = file("dumped", text);
	*problems = conf_load(c, p);
	struct buf b = {0};
	conf_dump(c, &b);
	conf_free(c);
	return buf_steal(&b);
}

Test(conf, dump_loads_back_unchanged)
{
	mkdir_tmp();
	struct conf *c = conf_new();
	struct buf d0 = {0};
	conf_dump(c, &d0);
	size_t np;
	char *d1 = dump_of(d0.s, &np);
	cr_assert_eq(np, 0);
	cr_assert_str_eq(d1, d0.s);
	/* a dump of defaults binds every action's keys in generic */
	cr_assert(strstr(d0.s, "\nbind generic j MOVE_DOWN\n"));
	cr_assert(strstr(d0.s, "\nbind generic Enter ENTER\n"));
	cr_assert(strstr(d0.s, "\nbind generic '\\' FILTER_CLEAR\n"));
	cr_assert(strstr(d0.s, "\nbind generic Space MARK\n"));
	cr_assert(strstr(d0.s, "\ncolor title yellow default bold\n"));
	cr_assert(strstr(d0.s, "\nset split-width = 120\n"));
	cr_assert(strstr(d0.s, "\nset rates = \"\"\n"));
	for (int o = 0; o < CO_N; o++)
		cr_assert(strstr(d0.s, conf_options[o].name));
	for (int e = 0; e < CE_N; e++)
		cr_assert(strstr(d0.s, conf_elements[e].name));
	for (int a = 1; a < ACT_N; a++)
		cr_assert(strstr(d0.s, action_table[a].name));
	/* and with every kind of change */
	const char *cfg =
		"bind list J MOVE_DOWN\nbind generic j MOVE_UP\n"
		"bind list x none\nbind generic Ctrl-J FOCUS\n"
		"bind detail '#' HELP\nbind compare \"'\" QUIT\n"
		"color cursor white blue bold\ncolor words 123 default\n"
		"set date-format = \"%d %b\"\nset rates = EUR=1.1 GBP=1.3\n"
		"set sort = -salary,title\nfilter 'remote' \"workplace:remote "
		"'a b'\"\nfilter q \"say \\\"hi\\\"\"\n";
	char *e1 = dump_of(cfg, &np);
	cr_assert_eq(np, 0);
	char *e2 = dump_of(e1, &np);
	cr_assert_eq(np, 0);
	cr_assert_str_eq(e2, e1);
	cr_assert(strstr(e1, "\nbind generic Ctrl-J FOCUS\n"), "%s", e1);
	cr_assert(strstr(e1, "\nbind list x none\n"));
	cr_assert(strstr(e1, "\nset date-format = '%d %b'\n"));
	free(d1);
	free(e1);
	free(e2);
	buf_free(&d0);
	conf_free(c);
	rm_tmp();
}

Test(conf, write_merges_in_place_keeping_comments)
{
	struct conf *c = conf_new();
	cr_assert_eq(run(c, "set sort = salary", NULL), CONF_DID_SET);
	cr_assert_eq(run(c, "set sort = -salary", NULL), CONF_DID_SET);
	cr_assert_eq(run(c, "bind list J MOVE_DOWN", NULL), CONF_DID_BIND);
	cr_assert_eq(run(c, "color title red", NULL), CONF_DID_COLOR);
	cr_assert_eq(run(c, "filter delete old", NULL), CONF_DID_ERROR);
	conf_filter_set(c, "old", "x");
	cr_assert_eq(run(c, "filter delete old", NULL), CONF_DID_FILTER);
	cr_assert_eq(c->nchanges, 4);
	const char *old =
		"# my config\n"
		"set sort = title   # what I like\n"
		"  color title yellow\n"
		"filter old x\n"
		"# the end\n"
		"filter old y";
	struct buf out = {0};
	conf_merge_changes(c, old, &out);
	cr_assert_str_eq(out.s,
		"# my config\n"
		"set sort = -salary  # what I like\n"
		"  color title red default\n"
		"# the end\n"
		"\n"
		"# Set at the : prompt and saved by :write\n"
		"bind list J MOVE_DOWN\n");
	/* a second write adds under the same comment */
	buf_clear(&out);
	conf_merge_changes(c, "# Set at the : prompt and saved by :write\n",
	                   &out);
	cr_assert(strstr(out.s, "saved by :write\nset sort = -salary\n"),
	          "%s", out.s);
	cr_assert_eq(strstr(out.s, "# Set at") , out.s);
	cr_assert_null(strstr(out.s + 1, "# Set at"));
	buf_free(&out);
	/* conf_write: into the file, made with its directory */
	mkdir_tmp();
	char path[256];
	snprintf(path, sizeof(path), "%s/new/billet/config", dir);
	c->path = strdup(path);
	struct buf err = {0};
	cr_assert(conf_write(c, &err), "%s", err.s);
	cr_assert_eq(c->nchanges, 0);
	struct conf *d = conf_new();
	cr_assert_eq(conf_load(d, path), 0);
	cr_assert_str_eq(conf_str(d, CO_SORT), "-salary");
	cr_assert_eq(conf_key_action(d, CONF_LIST, 'J'), ACT_MOVE_DOWN);
	cr_assert_eq(conf_color_of(d, CE_TITLE).fg, 1);
	cr_assert_not(conf_changed_on_disk(c));
	conf_free(d);
	rm_tmp();
	conf_free(c);
}

Test(conf, changed_on_disk)
{
	mkdir_tmp();
	struct conf *c = conf_new();
	char path[256];
	snprintf(path, sizeof(path), "%s/config", dir);
	cr_assert_eq(conf_load(c, path), 0); /* missing */
	cr_assert_not(conf_changed_on_disk(c));
	file("config", "set mouse = off\n");
	cr_assert(conf_changed_on_disk(c));
	conf_reset(c);
	cr_assert_eq(conf_load(c, path), 0);
	cr_assert_not(conf_bool(c, CO_MOUSE));
	cr_assert_not(conf_changed_on_disk(c));
	file("config", "set mouse = on  \n");
	cr_assert(conf_changed_on_disk(c));
	rm_tmp();
	conf_free(c);
}

/* Completes line at its end; returns the names joined by blanks. */
static const char *
complete(const struct conf *c, const char *line, size_t *start)
{
	static char out[2048];
	char **names;
	size_t n = conf_complete(c, line, strlen(line), start, &names);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%s",
		         i ? " " : "", names[i]);
	conf_complete_free(names, n);
	return out;
}

Test(conf, tab_completes_names)
{
	struct conf *c = conf_new();
	size_t s;
	cr_assert_str_eq(complete(c, "", &s), "bind color set filter source "
	                                      "write");
	cr_assert_str_eq(complete(c, "s", &s), "set source");
	cr_assert_eq(s, 0);
	cr_assert_str_eq(complete(c, "bind l", &s), "list");
	cr_assert_eq(s, 5);
	cr_assert_str_eq(complete(c, "bind list J move_d", &s), "MOVE_DOWN");
	cr_assert_str_eq(complete(c, "bind list J N", &s), "NEXT_POSTING "
	                 "NEXT_MATCH NOTE NOTE_EDITOR none");
	cr_assert_str_eq(complete(c, "color cur", &s), "cursor "
	                 "cursor-unfocused");
	cr_assert_str_eq(complete(c, "color cursor bright-b", &s),
	                 "bright-black bright-blue");
	cr_assert_str_eq(complete(c, "color cursor red blue b", &s),
	                 "bold blink");
	cr_assert_str_eq(complete(c, "set th", &s), "theme");
	cr_assert_str_eq(complete(c, "set theme ", &s), "=");
	cr_assert_str_eq(complete(c, "set theme = ", &s), "dark light");
	cr_assert_str_eq(complete(c, "set mouse = o", &s), "on off");
	cr_assert_str_eq(complete(c, "set split-width = ", &s), "120");
	conf_filter_set(c, "remote", "workplace:remote");
	conf_filter_set(c, "rich", "salary>=90000");
	cr_assert_str_eq(complete(c, "filter r", &s), "remote rich");
	cr_assert_str_eq(complete(c, "filter delete ri", &s), "rich");
	cr_assert_str_eq(complete(c, "filter remote x", &s), "");
	cr_assert_str_eq(complete(c, "set date-format = '%", &s), "");
	conf_free(c);
}

Test(conf, default_path)
{
	setenv("XDG_CONFIG_HOME", "/x/conf", 1);
	char *p = conf_default_path();
	cr_assert_str_eq(p, "/x/conf/billet/config");
	free(p);
	setenv("XDG_CONFIG_HOME", "relative", 1); /* not absolute: ignored */
	setenv("HOME", "/home/u", 1);
	p = conf_default_path();
	cr_assert_str_eq(p, "/home/u/.config/billet/config");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
}
