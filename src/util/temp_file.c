/* Files written whole or not at all: see temp_file.h. */
#include "util/temp_file.h"

#include <stdlib.h>
#include <string.h>

FILE *temp_file_open(const char *path, char **tmp)
{
    size_t n = strlen(path) + 5;
    *tmp = malloc(n);
    if (!*tmp)
        return NULL;
    snprintf(*tmp, n, "%s.tmp", path);
    FILE *f = fopen(*tmp, "w");
    if (!f) {
        free(*tmp);
        *tmp = NULL;
    }
    return f;
}

int temp_file_commit(FILE *f, char *tmp, const char *path)
{
    int bad = ferror(f);
    bad |= fclose(f) != 0;
    if (!bad)
        bad = rename(tmp, path) != 0;
    if (bad)
        remove(tmp);
    free(tmp);
    return bad ? -1 : 0;
}
