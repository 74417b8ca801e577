/* What several tests share: a temporary folder of their own, files written
 * into it, and its removal. Include after <cmocka.h> (failures end the
 * test that called). */
#ifndef GF_TESTS_SUPPORT_H
#define GF_TESTS_SUPPORT_H

#include <stddef.h>

/* Makes a new folder /tmp/gasflow-TAG-XXXXXX and puts its path in dir (cap
 * bytes). Returns 0, or -1 when it cannot be made. */
int test_dir_make(char *dir, size_t cap, const char *tag);

/* Writes len bytes of text to DIR/NAME and puts that path in path (cap
 * bytes; may be NULL); the test fails when the file cannot be written. */
void test_dir_write(const char *dir, const char *name, const char *text, size_t len, char *path, size_t cap);

/* Removes dir and everything in it. Returns 0, or -1. */
int test_dir_remove(const char *dir);

#endif
