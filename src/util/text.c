/* String helpers: see text.h. */
#include "util/text.h"

#include <stdlib.h>
#include <string.h>

char *text_copy(const char *s)
{
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c)
        memcpy(c, s, n);
    return c;
}
