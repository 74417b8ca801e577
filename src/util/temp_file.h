/* Files written whole or not at all: written under PATH.tmp and renamed
 * into place once complete, so that a failure never leaves a half-written
 * file at PATH. */
#ifndef GF_UTIL_TEMP_FILE_H
#define GF_UTIL_TEMP_FILE_H

#include <stdio.h>

/* Opens PATH.tmp for writing; *tmp receives its name (temp_file_commit
 * frees it). NULL on failure, with *tmp NULL. */
FILE *temp_file_open(const char *path, char **tmp);
/* Closes f and renames tmp to path; removes tmp on any failure. Returns 0
 * on success, -1 otherwise. */
int temp_file_commit(FILE *f, char *tmp, const char *path);

#endif
