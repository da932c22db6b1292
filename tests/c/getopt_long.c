/* The reference for femtobox's getopt: glibc's getopt_long itself, run on
   cases read from stdin, one a line: TABLE POSIX ARG\x1fARG... (TABLE 0
   cat's options, 1 yes's, 2 the test table, 3 the same with a leading `+`;
   POSIX 1 sets POSIXLY_CORRECT).
   Prints per case `option VAL ARG` (`(none)`) for each option, then glibc's
   own message for an error (on stderr, which is stdout here), or
   `operand X` for each operand as glibc leaves them; then `end`. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct option cat[] = {
  {"number-nonblank", 0, 0, 'b'}, {"number", 0, 0, 'n'}, {"squeeze-blank", 0, 0, 's'},
  {"show-nonprinting", 0, 0, 'v'}, {"show-ends", 0, 0, 'E'}, {"show-tabs", 0, 0, 'T'},
  {"show-all", 0, 0, 'A'}, {"help", 0, 0, 1}, {"version", 0, 0, 2}, {0, 0, 0, 0}};
static const struct option yes[] = {{"help", 0, 0, 1}, {"version", 0, 0, 2}, {0, 0, 0, 0}};
static const struct option test[] = {
  {"alpha", 0, 0, 'a'}, {"bravo", 1, 0, 'b'}, {"bravissimo", 1, 0, 'b'}, {"charlie", 2, 0, 'c'},
  {"number", 1, 0, 'n'}, {"output-error", 1, 0, 0x10}, {"color", 2, 0, 0x18},
  {"help", 0, 0, 1}, {"version", 0, 0, 2}, {0, 0, 0, 0}};

int main(void) {
  static char line[1 << 16];
  char *argv[256];
  dup2(1, 2);
  setvbuf(stderr, NULL, _IONBF, 0);
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\n")] = 0;
    int table = line[0] - '0';
    if (line[2] == '1') setenv("POSIXLY_CORRECT", "1", 1); else unsetenv("POSIXLY_CORRECT");
    int argc = 0;
    argv[argc++] = "P";
    if (line[3] == ' ') {
      char *p = line + 4;
      for (;;) {
        argv[argc++] = p;
        char *q = strchr(p, 0x1f);
        if (!q) break;
        *q = 0;
        p = q + 1;
      }
    }
    argv[argc] = NULL;
    const char *opts = table == 0 ? "benstuvAET" : table == 1 ? "" : table == 2 ? "ab:c::n:" : "+ab:c::n:";
    const struct option *longs = table == 0 ? cat : table == 1 ? yes : test;
    optind = 0;
    opterr = 1;
    int c, bad = 0;
    while ((c = getopt_long(argc, argv, opts, longs, NULL)) != -1) {
      if (c == '?' || c == ':') { bad = 1; break; }
      printf("option %d %s\n", c, optarg ? optarg : "(none)");
      fflush(stdout);
    }
    if (!bad)
      for (int i = optind; i < argc; i++) printf("operand %s\n", argv[i]);
    printf("end\n");
    fflush(stdout);
  }
  return 0;
}
